package com.example.commdemo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Gives the scheduler a unix socket of its own: before the context starts, creates a
 * fresh directory under {@code java.io.tmpdir} and points
 * {@code comm.listeners.workers.uri} at a socket in it, unless that property is set
 * already. {@link #delete()} removes the directory when the application is done, so that
 * runs never meet each other's sockets.
 */
final class SocketDirectory implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

	static final String LISTENER_URI_PROPERTY = "comm.listeners.workers.uri";

	private static final String PROPERTY_SOURCE_NAME = "commDemoSocket";

	private volatile Path directory;

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		ConfigurableEnvironment environment = event.getEnvironment();
		if (!SchedulerDefaults.needed(environment, LISTENER_URI_PROPERTY)) {
			return;
		}
		try {
			this.directory = Files.createTempDirectory("comm-demo-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create a directory for the scheduler's socket", ex);
		}
		String uri = "unix://" + this.directory.toAbsolutePath().resolve("scheduler.sock");
		SchedulerDefaults.add(environment, PROPERTY_SOURCE_NAME, LISTENER_URI_PROPERTY, uri);
	}

	/**
	 * The directory created for the socket.
	 * @return the directory, or {@code null} when none was created
	 */
	Path getDirectory() {
		return this.directory;
	}

	/**
	 * Remove the directory and anything left in it; quietly, as this runs on the way out.
	 */
	void delete() {
		Path current = this.directory;
		if (current == null || !Files.exists(current)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(current)) {
			paths.sorted(Comparator.reverseOrder()).forEach(SocketDirectory::deleteQuietly);
		}
		catch (IOException ex) {
			System.err.println("Could not remove " + current + ": " + ex.getMessage());
		}
	}

	private static void deleteQuietly(Path path) {
		try {
			Files.deleteIfExists(path);
		}
		catch (IOException ex) {
			System.err.println("Could not remove " + path + ": " + ex.getMessage());
		}
	}

}
