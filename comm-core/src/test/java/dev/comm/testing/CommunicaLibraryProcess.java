package dev.comm.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Assumptions;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.fail;

/**
 * {@code src/test/python/communica_driver.py} run as a child process on Debian's
 * {@code python3} with the unmodified communica package vendored under
 * {@code src/test/python/thirdparty}: the real library as the counterpart of comm. One
 * process serves a test class; {@link #call(Map, Duration)} sends it one command and
 * waits, bounded, for its answer. {@link #close()} always ends the process.
 * <p>
 * Without the vendored package or a python3 that can import it, {@link #start(Path)}
 * skips the test with a loud message, and fails it on CI ({@code CI=true}), where
 * {@code .ci/run} installs what is missing.
 */
public final class CommunicaLibraryProcess implements AutoCloseable {

	private static final String SCRIPT = "src/test/python/communica_driver.py";

	private static final String PACKAGE = "src/test/python/thirdparty/communica-0.4.2";

	private static final Duration READY_TIMEOUT = Duration.ofSeconds(15);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Process process;

	private final Path stderr;

	private final OutputStream stdin;

	private final AtomicInteger sequence = new AtomicInteger();

	private final Map<Integer, CompletableFuture<Map<String, Object>>> answers = new ConcurrentHashMap<>();

	private final CompletableFuture<Void> ready = new CompletableFuture<>();

	private CommunicaLibraryProcess(Process process, Path stderr) {
		this.process = process;
		this.stderr = stderr;
		this.stdin = process.getOutputStream();
		Thread reader = new Thread(this::readStdout, "communica-driver-stdout");
		reader.setDaemon(true);
		reader.start();
	}

	/**
	 * Start the driver and wait until it reads commands.
	 * @param workDir where its log goes
	 * @return the running driver
	 */
	public static CommunicaLibraryProcess start(Path workDir) {
		Path module = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
		Path library = module.resolve(PACKAGE);
		if (!Files.isRegularFile(library.resolve("communica/__init__.py"))) {
			missing("the communica 0.4.2 package in " + library);
		}
		String python = python(library);
		Path stderr = workDir.resolve("communica-driver.err");
		ProcessBuilder builder = new ProcessBuilder(python, module.resolve(SCRIPT).toString())
			.redirectError(stderr.toFile());
		builder.environment().put("PYTHONPATH", library.toString());
		builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
		CommunicaLibraryProcess driver;
		try {
			driver = new CommunicaLibraryProcess(builder.start(), stderr);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot start " + python, ex);
		}
		try {
			driver.ready.get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException | ExecutionException | TimeoutException ex) {
			driver.close();
			throw new IllegalStateException("The communica driver did not start: " + ex + "\n" + driver.stderr(), ex);
		}
		return driver;
	}

	/**
	 * Debian's {@code /usr/bin/python3} first: its python3-typing-extensions is invisible
	 * to another python3 earlier on the PATH (pyenv, a virtualenv).
	 */
	private static String python(Path library) {
		for (String candidate : List.of("/usr/bin/python3", "python3")) {
			if (imports(candidate, library)) {
				return candidate;
			}
		}
		return missing("a python3 that imports communica (Debian: apt-get install python3 python3-typing-extensions)");
	}

	private static boolean imports(String python, Path library) {
		try {
			ProcessBuilder builder = new ProcessBuilder(python, "-c", "import communica").redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD);
			builder.environment().put("PYTHONPATH", library.toString());
			builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
			Process probe = builder.start();
			if (!probe.waitFor(20, TimeUnit.SECONDS)) {
				probe.destroyForcibly();
				return false;
			}
			return probe.exitValue() == 0;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static String missing(String what) {
		String message = "The tests against the communica library need " + what + ", which is missing";
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			return fail(message + "; on CI, .ci/run installs it");
		}
		System.err.println("SKIPPED: " + message);
		Assumptions.abort(message);
		return null;
	}

	private void readStdout() {
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = lines.readLine()) != null) {
				if (line.equals("READY")) {
					this.ready.complete(null);
				}
				else if (line.startsWith("{")) {
					Map<String, Object> answer = JSON.readValue(line, new TypeReference<Map<String, Object>>() {
					});
					answer(((Number) answer.remove("seq")).intValue()).complete(answer);
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// the process ended; waiting calls time out with its log
		}
		this.ready.completeExceptionally(new IllegalStateException("the driver's stdout closed"));
	}

	private CompletableFuture<Map<String, Object>> answer(int seq) {
		return this.answers.computeIfAbsent(seq, (key) -> new CompletableFuture<>());
	}

	/**
	 * Send a command without waiting for its answer.
	 * @param command the command, see the script
	 * @return its answer once it comes
	 */
	public CompletableFuture<Map<String, Object>> send(Map<String, Object> command) {
		int seq = this.sequence.incrementAndGet();
		Map<String, Object> numbered = new LinkedHashMap<>(command);
		numbered.put("seq", seq);
		CompletableFuture<Map<String, Object>> answer = answer(seq);
		byte[] line = (JSON.writeValueAsString(numbered) + "\n").getBytes(StandardCharsets.UTF_8);
		try {
			synchronized (this.stdin) {
				this.stdin.write(line);
				this.stdin.flush();
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("The communica driver is gone\n" + stderr(), ex);
		}
		return answer;
	}

	/**
	 * Send a command and wait for its answer.
	 * @param command the command
	 * @param timeout how long it may take
	 * @return the answer
	 * @throws AssertionError if the command failed in Python or did not answer in time
	 */
	public Map<String, Object> call(Map<String, Object> command, Duration timeout) {
		return await(send(command), command, timeout);
	}

	/**
	 * Wait for the answer to a command sent earlier.
	 * @param answer from {@link #send(Map)}
	 * @param command the command, for messages
	 * @param timeout how long it may take
	 * @return the answer
	 */
	public Map<String, Object> await(CompletableFuture<Map<String, Object>> answer, Map<String, Object> command,
			Duration timeout) {
		Map<String, Object> result;
		try {
			result = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for " + abbreviated(command), ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new AssertionError(
					"communica did not answer " + command + " within " + timeout.toMillis() + " ms\n" + stderr(), ex);
		}
		if (result.containsKey("failed")) {
			throw new AssertionError(
					"communica failed " + abbreviated(command) + ": " + result.get("failed") + "\n" + stderr());
		}
		return result;
	}

	/** A command as a message shows it: 1 MB payloads would drown the report. */
	private static String abbreviated(Map<String, Object> command) {
		String text = String.valueOf(command);
		return (text.length() > 300) ? text.substring(0, 300) + "…" : text;
	}

	/**
	 * What the driver and communica logged so far.
	 * @return the log
	 */
	public String stderr() {
		try {
			return Files.exists(this.stderr) ? Files.readString(this.stderr, StandardCharsets.UTF_8) : "";
		}
		catch (IOException ex) {
			return "(log unreadable: " + ex.getMessage() + ")";
		}
	}

	@Override
	public void close() {
		try {
			this.stdin.close();
		}
		catch (IOException ex) {
			// the process is gone already
		}
		// at stdin EOF the driver closes its communica objects and exits
		if (!waitFor(Duration.ofSeconds(5))) {
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

}
