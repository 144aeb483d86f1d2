package dev.comm.js;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.comm.client.CommClient;
import dev.comm.client.CommTarget;
import dev.comm.js.JsClientTestApplication.Routes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JavaScript client in a Node.js process of its own, against the same application the
 * browser tests use: requests, a throw, a typed error, and the server calling the
 * process.
 */
class NodeClientIntegrationTests {

	private static final Path CLIENT_MODULE = Path.of("dist", "index.js").toAbsolutePath();

	private static final JsonMapper json = JsonMapper.builder().build();

	private static ConfigurableApplicationContext server;

	@BeforeAll
	static void startServer() {
		server = JsClientTestApplication.start();
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	static List<NodeRuntime> runtimes() throws Exception {
		return NodeRuntime.found();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("runtimes")
	void aNodeProcessCallsTheServerAndIsCalledBack(NodeRuntime runtime) throws Exception {
		assertThat(CLIENT_MODULE).exists();
		String url = "ws://127.0.0.1:" + JsClientTestApplication.port(server) + "/comm";
		Path script = Path.of("src", "test", "resources", "node", "node-client.mjs").toAbsolutePath();
		List<String> command = new ArrayList<>(runtime.command());
		command.addAll(List.of(script.toString(), CLIENT_MODULE.toUri().toString(), url));
		Process node = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
		try (BufferedReader out = new BufferedReader(
				new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
			JsonNode add = next(out);
			JsonNode whoami = next(out);
			JsonNode reject = next(out);
			assertThat(next(out).path("step").asString()).isEqualTo("ready");

			assertThat(add.path("value").asInt()).isEqualTo(42);
			assertThat(whoami.path("value").asString()).isEqualTo("node-1");
			assertThat(reject.path("name").asString()).isEqualTo("CommRemoteError");
			assertThat(reject.path("kind").asString()).isEqualTo("requester-fault");
			assertThat(reject.path("code").asInt()).isEqualTo(7);
			assertThat(server.getBean(Routes.class).notes.poll(5, TimeUnit.SECONDS)).isEqualTo("node-1: from node");

			CommTarget process = server.getBean(CommClient.class)
				.peers(JsClientTestApplication.LISTENER)
				.member("node-1")
				.withTimeout(Duration.ofSeconds(5));
			assertThat(process.request("node.double", 21, Integer.class)).isEqualTo(42);
			assertThat(process.request("node.quit", null, String.class)).isEqualTo("bye");
			assertThat(node.waitFor(10, TimeUnit.SECONDS)).isTrue();
			assertThat(node.exitValue()).isZero();
		}
		finally {
			node.destroyForcibly();
		}
	}

	private static JsonNode next(BufferedReader out) throws IOException {
		String line = out.readLine();
		assertThat(line).as("a line from the node process").isNotNull();
		return json.readTree(line);
	}

}
