package dev.comm.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Python test peer {@code src/test/python/communica_peer.py} run as a child process.
 * It puts the same bytes on the wire as an unmodified communica 0.4.2 peer, so tests can
 * check interoperability without installing communica. Every wait is bounded, and
 * {@link #close()} always ends the process, so that a misbehaving peer fails a test
 * instead of hanging the build.
 */
public final class CommunicaPeerProcess implements AutoCloseable {

	private static final String SCRIPT = "src/test/python/communica_peer.py";

	private static final Duration READY_TIMEOUT = Duration.ofSeconds(10);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final AtomicInteger sequence = new AtomicInteger();

	private static volatile String interpreter;

	private final Process process;

	private final String description;

	private final Path stdout;

	private final Path stderr;

	private final boolean server;

	/** Lines a server printed after READY, each completed the first time it appears. */
	private final Map<String, CompletableFuture<Void>> printed = new ConcurrentHashMap<>();

	private volatile int port = -1;

	private CommunicaPeerProcess(Process process, String description, Path stdout, Path stderr, boolean server) {
		this.process = process;
		this.description = description;
		this.stdout = stdout;
		this.stderr = stderr;
		this.server = server;
	}

	/**
	 * Start a peer in server mode and wait until it listens.
	 * @param where {@code --tcp HOST:PORT} or {@code --unix PATH}
	 * @param workDir where the peer's output files go
	 * @return the running server
	 */
	public static CommunicaPeerProcess server(List<String> where, Path workDir) {
		List<String> arguments = new ArrayList<>(List.of("server"));
		arguments.addAll(where);
		CommunicaPeerProcess peer = start(arguments, workDir, true);
		peer.awaitReady();
		return peer;
	}

	/**
	 * Start a peer in client mode; it runs its script and exits.
	 * @param where {@code --tcp HOST:PORT} or {@code --unix PATH}
	 * @param clientId the client id it announces
	 * @param script the ops to run, see the script's {@code run_script}
	 * @param workDir where the peer's output files go
	 * @return the running client
	 */
	public static CommunicaPeerProcess client(List<String> where, String clientId, List<Map<String, Object>> script,
			Path workDir) {
		List<String> arguments = new ArrayList<>(List.of("client"));
		arguments.addAll(where);
		arguments.addAll(List.of("--client-id", clientId, "--script", JSON.writeValueAsString(script)));
		return start(arguments, workDir, false);
	}

	private static CommunicaPeerProcess start(List<String> arguments, Path workDir, boolean server) {
		int number = sequence.incrementAndGet();
		Path stdout = workDir.resolve("communica-peer-" + number + ".out");
		Path stderr = workDir.resolve("communica-peer-" + number + ".err");
		List<String> command = new ArrayList<>(List.of(interpreter(), script().toString()));
		command.addAll(arguments);
		ProcessBuilder builder = new ProcessBuilder(command).redirectError(stderr.toFile());
		if (!server) {
			// a client prints its op lines and exits; the test reads them afterwards
			builder.redirectOutput(stdout.toFile());
		}
		// stdin stays a pipe: a server stops when it reaches EOF, which close() causes
		try {
			return new CommunicaPeerProcess(builder.start(), String.join(" ", arguments), stdout, stderr, server);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot start python3, which the communica interop tests need", ex);
		}
	}

	/**
	 * The python3 found on the PATH, resolved once: a version manager's shim in front of
	 * it costs more than the peer's own startup, and tests start dozens of peers.
	 */
	private static String interpreter() {
		String resolved = interpreter;
		if (resolved == null) {
			resolved = "python3";
			try {
				Process probe = new ProcessBuilder("python3", "-c", "import sys; print(sys.executable)")
					.redirectErrorStream(true)
					.start();
				probe.getOutputStream().close();
				if (probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0) {
					String path = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
					if (!path.isEmpty() && Files.isExecutable(Path.of(path))) {
						resolved = path;
					}
				}
				else {
					probe.destroyForcibly();
				}
			}
			catch (IOException ex) {
				throw new IllegalStateException("Cannot start python3, which the communica interop tests need", ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			interpreter = resolved;
		}
		return resolved;
	}

	private static Path script() {
		// surefire runs in the module directory and
		// sets basedir; IDEs usually do the former
		Path script = Path.of(System.getProperty("basedir", "")).toAbsolutePath().resolve(SCRIPT);
		if (!Files.isRegularFile(script)) {
			throw new IllegalStateException("No communica test peer at " + script + "; run from the comm-core module");
		}
		return script;
	}

	private void awaitReady() {
		CompletableFuture<Integer> ready = new CompletableFuture<>();
		Thread reader = new Thread(() -> readStdout(ready), "communica-peer-stdout");
		reader.setDaemon(true);
		reader.start();
		try {
			this.port = ready.get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			close();
			throw new IllegalStateException("Interrupted while waiting for " + this, ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			close();
			throw new IllegalStateException(
					"communica peer '" + this.description + "' did not get ready: " + ex + "\n" + stderr(), ex);
		}
	}

	private void readStdout(CompletableFuture<Integer> ready) {
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = lines.readLine()) != null) {
				if (line.startsWith("READY ")) {
					ready.complete(Integer.parseInt(line.substring("READY ".length()).trim()));
				}
				else {
					// read on, so that the peer never blocks on a full pipe
					printed(line).complete(null);
				}
			}
			ready.completeExceptionally(new IllegalStateException("stdout closed before READY"));
		}
		catch (IOException | RuntimeException ex) {
			ready.completeExceptionally(ex);
		}
	}

	private CompletableFuture<Void> printed(String line) {
		return this.printed.computeIfAbsent(line, (key) -> new CompletableFuture<>());
	}

	/**
	 * Wait until a server prints a line, as it does when a "slow" request begins
	 * ({@code SLOW STARTED}).
	 * @param line the line
	 * @param timeout how long to wait
	 * @throws AssertionError if it was not printed in time
	 */
	public void awaitPrinted(String line, Duration timeout) {
		try {
			printed(line).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for " + this, ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new AssertionError("communica peer '" + this.description + "' did not print '" + line + "' within "
					+ timeout.toMillis() + " ms\n" + stderr(), ex);
		}
	}

	/**
	 * The TCP port a server listens on; 0 for a unix socket.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	/**
	 * Wait for a client to finish its script.
	 * @param timeout how long the script may take
	 * @return the op lines it printed, parsed
	 * @throws AssertionError if it did not finish in time
	 */
	public List<Map<String, Object>> awaitOutput(Duration timeout) {
		try {
			if (!this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				close();
				throw new AssertionError("communica peer '" + this.description + "' did not finish within "
						+ timeout.toMillis() + " ms\n" + stderr());
			}
			List<Map<String, Object>> lines = new ArrayList<>();
			for (String line : Files.readAllLines(this.stdout, StandardCharsets.UTF_8)) {
				if (!line.isBlank()) {
					lines.add(JSON.readValue(line, new TypeReference<Map<String, Object>>() {
					}));
				}
			}
			return lines;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for " + this, ex);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read the output of " + this, ex);
		}
	}

	/**
	 * The exit code of a finished process.
	 * @return the exit code
	 */
	public int exitCode() {
		return this.process.exitValue();
	}

	/**
	 * What the peer logged so far; it logs connection events and protocol errors there.
	 * @return the peer's stderr
	 */
	public String stderr() {
		try {
			return Files.exists(this.stderr) ? Files.readString(this.stderr, StandardCharsets.UTF_8) : "";
		}
		catch (IOException ex) {
			return "(stderr unreadable: " + ex.getMessage() + ")";
		}
	}

	/**
	 * End the process at once, as a crash would: its sockets close without a close
	 * notify.
	 */
	public void kill() {
		this.process.destroyForcibly();
		waitFor(Duration.ofSeconds(5));
	}

	@Override
	public void close() {
		try {
			this.process.getOutputStream().close();
		}
		catch (IOException ex) {
			// the process is gone already
		}
		// a server exits on its own at stdin EOF, after a close notify to its clients
		if (!waitFor(this.server ? Duration.ofSeconds(3) : Duration.ZERO)) {
			this.process.destroy();
			if (!waitFor(Duration.ofSeconds(2))) {
				this.process.destroyForcibly();
				waitFor(Duration.ofSeconds(2));
			}
		}
	}

	private boolean waitFor(Duration timeout) {
		try {
			return this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	@Override
	public String toString() {
		return "CommunicaPeerProcess[" + this.description + "]";
	}

}
