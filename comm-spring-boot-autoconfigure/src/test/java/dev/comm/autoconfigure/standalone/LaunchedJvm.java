package dev.comm.autoconfigure.standalone;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.fail;

/**
 * A main class run in a JVM of its own, with this test's java and class path. Its output
 * is read as it comes, so that a test waits for a line rather than for a while.
 */
final class LaunchedJvm implements AutoCloseable {

	private final String name;

	private final Process process;

	private final StringBuilder output = new StringBuilder();

	private final List<Awaited> awaited = new ArrayList<>();

	private final CompletableFuture<Void> outputEnded = new CompletableFuture<>();

	private LaunchedJvm(String name, Process process) {
		this.name = name;
		this.process = process;
		Thread reader = new Thread(this::read, name + "-output");
		reader.setDaemon(true);
		reader.start();
	}

	static LaunchedJvm start(Class<?> mainClass, String... args) throws IOException {
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> command = new ArrayList<>(
				List.of(java, "-cp", System.getProperty("java.class.path"), mainClass.getName()));
		command.addAll(List.of(args));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		return new LaunchedJvm(mainClass.getSimpleName(), process);
	}

	private void read() {
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = lines.readLine()) != null) {
				synchronized (this) {
					this.output.append(line).append('\n');
					for (Awaited wait : this.awaited) {
						wait.offer(line);
					}
				}
			}
		}
		catch (IOException ex) {
			// the process is gone; what it printed is kept
		}
		finally {
			this.outputEnded.complete(null);
		}
	}

	/**
	 * Wait for the process to print a line that contains {@code pattern}.
	 * @param pattern what to find
	 * @param timeout how long to wait
	 * @return the match
	 */
	Matcher awaitLine(Pattern pattern, Duration timeout) throws Exception {
		Awaited wait = new Awaited(pattern);
		synchronized (this) {
			for (String line : this.output.toString().split("\n")) {
				wait.offer(line);
			}
			this.awaited.add(wait);
		}
		try {
			return wait.found.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			return fail("%s printed no line matching '%s' within %s; it printed:%n%s", this.name, pattern, timeout,
					output());
		}
	}

	/**
	 * Wait for the process to end, and for the last of its output.
	 * @param timeout how long to wait
	 * @return its exit status
	 */
	int awaitExit(Duration timeout) throws Exception {
		if (!this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			fail("%s still runs after %s; it printed:%n%s", this.name, timeout, output());
		}
		this.outputEnded.get(10, TimeUnit.SECONDS);
		return this.process.exitValue();
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	/**
	 * Send SIGTERM, as {@code kill} and container runtimes do. Through the process
	 * handle, because {@link Process#destroy()} also closes the pipes, so that what the
	 * process prints while it stops would be lost.
	 */
	void terminate() {
		this.process.toHandle().destroy();
	}

	synchronized String output() {
		return this.output.toString();
	}

	@Override
	public void close() throws InterruptedException {
		if (this.process.isAlive()) {
			this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
	}

	private static final class Awaited {

		private final Pattern pattern;

		private final CompletableFuture<Matcher> found = new CompletableFuture<>();

		Awaited(Pattern pattern) {
			this.pattern = pattern;
		}

		void offer(String line) {
			Matcher matcher = this.pattern.matcher(line);
			if (matcher.find()) {
				this.found.complete(matcher);
			}
		}

	}

}
