package dev.comm.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

import static org.assertj.core.api.Assertions.fail;

/**
 * Finds programs that tests run (nginx, a Python with the websockets library). On a
 * developer machine a missing program skips the test, loudly; on CI ({@code CI=true}),
 * where {@code .ci/run} installs them, it fails the test.
 */
final class ExternalPrograms {

	private ExternalPrograms() {
	}

	/**
	 * A Python interpreter that can import {@code websockets}. Debian's
	 * {@code /usr/bin/python3} comes first: its python3-websockets package is invisible
	 * to another python3 earlier on the PATH (pyenv, a virtualenv).
	 * @return the interpreter
	 */
	static String pythonWithWebsockets() {
		for (String candidate : List.of("/usr/bin/python3", "python3")) {
			if (runs(List.of(candidate, "-c", "import websockets"))) {
				return candidate;
			}
		}
		return missing("a python3 with the websockets library (Debian: apt-get install python3-websockets)");
	}

	/**
	 * The nginx executable.
	 * @return its path
	 */
	static String nginx() {
		for (String candidate : List.of("/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/bin/nginx")) {
			if (Files.isExecutable(Path.of(candidate))) {
				return candidate;
			}
		}
		if (runs(List.of("nginx", "-v"))) {
			return "nginx";
		}
		return missing("nginx (Debian: apt-get install nginx)");
	}

	private static boolean runs(List<String> command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			if (!process.waitFor(20, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				return false;
			}
			return process.exitValue() == 0;
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
		String message = "This test needs " + what + ", which is not installed";
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			return fail(message + "; on CI, .ci/run installs it");
		}
		System.err.println("SKIPPED: " + message);
		Assumptions.abort(message);
		return null;
	}

}
