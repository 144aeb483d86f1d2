package dev.comm.js;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code node} on the PATH: Node.js 22 has a WebSocket of its own, Node.js 20.10 and
 * later only behind a flag.
 */
final class NodeRuntime {

	private static final Pattern VERSION = Pattern.compile("v(\\d+)\\.(\\d+)");

	private NodeRuntime() {
	}

	/**
	 * The switches that give the process a global {@code WebSocket}.
	 * @return the switches, empty on Node.js 22 and later
	 */
	static List<String> webSocketFlags() throws IOException, InterruptedException {
		Process version = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
		String output = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
		if (!version.waitFor(10, TimeUnit.SECONDS)) {
			version.destroyForcibly();
		}
		Matcher matcher = VERSION.matcher(output);
		if (!matcher.lookingAt()) {
			throw new IllegalStateException("node --version printed '" + output + "'");
		}
		int major = Integer.parseInt(matcher.group(1));
		int minor = Integer.parseInt(matcher.group(2));
		if (major >= 22) {
			return List.of();
		}
		if (major == 20 && minor >= 10 || major == 21) {
			return List.of("--experimental-websocket");
		}
		throw new IllegalStateException("The JavaScript client needs Node.js 20.10 or later; node is " + output);
	}

}
