package dev.comm.autoconfigure;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

import dev.comm.CommNoRouteException;
import dev.comm.client.CommClient;
import dev.comm.client.CommPeer;
import dev.comm.handler.CommHandler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * A Spring Boot servlet application with a ws listener on its own HTTP server, reached by
 * a comm connector, by a Python client written from docs/PROTOCOL.md on the websockets
 * library, by browsers of various origins, and through nginx as a reverse proxy.
 */
class CommWebSocketIntegrationTests {

	private static final Duration AWAIT = Duration.ofSeconds(30);

	private static final JsonMapper json = JsonMapper.builder().build();

	private static ConfigurableApplicationContext server;

	private static int serverPort;

	@TempDir
	Path directory;

	@BeforeAll
	static void startServer() {
		server = new SpringApplicationBuilder(ServerApplication.class).web(WebApplicationType.SERVLET)
			.properties("server.port=0", "spring.application.name=ws-server", "comm.max-frame-size=64KB",
					"comm.listeners.web.uri=ws:/comm", "comm.listeners.browser.uri=ws:/browser",
					"comm.listeners.browser.allowed-origins=https://app.example.test")
			.run();
		serverPort = Integer.parseInt(server.getEnvironment().getProperty("local.server.port"));
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@Test
	void listenerIsMountedOnTheApplicationsServerAndPublishesItsAddress() {
		assertThat(server.getEnvironment().getProperty("local.comm.listeners.web.uri"))
			.isEqualTo("ws://127.0.0.1:" + serverPort + "/comm");
	}

	@Test
	void connectorInAnApplicationWithoutAWebServerCallsTheListenerAndIsCalledBack() {
		assertClientApplicationWorks("ws://127.0.0.1:" + serverPort + "/comm");
	}

	@Test
	void pythonClientOnTheWebsocketsLibrarySpeaksTheDocumentedProtocol() throws Exception {
		assertPythonClientWorks("ws://127.0.0.1:" + serverPort + "/comm");
	}

	@Test
	void pythonClientAndConnectorWorkThroughNginxAsReverseProxy() throws Exception {
		String nginx = ExternalPrograms.nginx();
		int proxyPort = freePort();
		Process proxy = startNginx(nginx, proxyPort);
		try {
			String proxied = "ws://127.0.0.1:" + proxyPort + "/comm";
			assertPythonClientWorks(proxied);
			assertClientApplicationWorks(proxied);
		}
		finally {
			proxy.destroy();
			if (!proxy.waitFor(10, TimeUnit.SECONDS)) {
				proxy.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
	}

	@Test
	void browserPageFromAnotherOriginIsRefusedUnlessTheListenerAllowsIt() throws Exception {
		String comm = "ws://127.0.0.1:" + serverPort + "/comm";
		String browser = "ws://127.0.0.1:" + serverPort + "/browser";
		assertThat(upgrade(comm, "https://evil.example.test")).failsWithin(AWAIT)
			.withThrowableOfType(ExecutionException.class)
			.havingRootCause()
			.withMessageContaining("403");
		assertThat(upgrade(comm, "http://127.0.0.1:" + serverPort)).succeedsWithin(AWAIT);
		assertThat(upgrade(browser, "https://app.example.test")).succeedsWithin(AWAIT);
		assertThat(upgrade(browser, "https://evil.example.test")).failsWithin(AWAIT);
	}

	@Test
	void messageOverTheFrameLimitClosesThatConnectionWithStatus1009() throws Exception {
		BlockingQueue<Integer> closeStatus = new LinkedBlockingQueue<>();
		WebSocket socket = HttpClient.newHttpClient()
			.newWebSocketBuilder()
			.buildAsync(URI.create("ws://127.0.0.1:" + serverPort + "/comm"), new WebSocket.Listener() {
				@Override
				public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
					closeStatus.add(statusCode);
					return null;
				}
			})
			.get(AWAIT.toSeconds(), TimeUnit.SECONDS);
		socket.sendText("{\"client_id\":\"too-big\"}", true).get(AWAIT.toSeconds(), TimeUnit.SECONDS);
		byte[] body = new byte[64 * 1024 + 1];
		body[0] = 0x0A;
		socket.sendBinary(ByteBuffer.wrap(body), true).get(AWAIT.toSeconds(), TimeUnit.SECONDS);
		assertThat(closeStatus.poll(AWAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(1009);
		assertClientApplicationWorks("ws://127.0.0.1:" + serverPort + "/comm");
	}

	private static CompletableFuture<WebSocket> upgrade(String uri, String origin) {
		return HttpClient.newHttpClient()
			.newWebSocketBuilder()
			.header("Origin", origin)
			.buildAsync(URI.create(uri), new WebSocket.Listener() {
			})
			.thenApply((socket) -> {
				socket.abort();
				return socket;
			});
	}

	private void assertClientApplicationWorks(String uri) {
		try (ConfigurableApplicationContext client = new SpringApplicationBuilder(ClientApplication.class)
			.web(WebApplicationType.NONE)
			.properties("spring.application.name=ws-client", "comm.connectors.server.uri=" + uri,
					"comm.connectors.server.request-timeout=10s")
			.run()) {
			CommClient comm = client.getBean(CommClient.class);
			assertThat(comm.request("greet", "java", String.class)).isEqualTo("hello java");
			assertThat(comm.request("callback", "jay", String.class)).isEqualTo("hello jay from java via ws-client");
			assertThatExceptionOfType(CommNoRouteException.class)
				.isThrownBy(() -> comm.request("no.such.route", "x", String.class));
		}
	}

	private void assertPythonClientWorks(String uri) throws Exception {
		String python = ExternalPrograms.pythonWithWebsockets();
		Path script = Path.of(getClass().getResource("/ws/comm_ws_client.py").toURI());
		Path output = this.directory.resolve("python-" + System.nanoTime() + ".out");
		Process process = new ProcessBuilder(python, script.toString(), uri).redirectErrorStream(true)
			.redirectOutput(output.toFile())
			.start();
		if (!process.waitFor(AWAIT.toSeconds(), TimeUnit.SECONDS)) {
			process.destroyForcibly();
		}
		String printed = Files.readString(output);
		assertThat(process.exitValue()).as(printed).isZero();
		JsonNode results = json.readTree(printed);
		assertThat(results.get("server_hello").has("comm")).isTrue();
		assertThat(results.get("py-1").get("type").asInt()).isEqualTo(11);
		assertThat(results.get("py-1").get("payload").asString()).isEqualTo("hello python");
		assertThat(results.get("server_request").asString()).isEqualTo("greeting");
		assertThat(results.get("py-2").get("payload").asString()).isEqualTo("hello py from python via python-client");
		JsonNode noRoute = results.get("py-3");
		assertThat(noRoute.get("type").asInt()).isEqualTo(41);
		assertThat(noRoute.get("payload").get("error").asString()).isEqualTo("no-route");
		assertThat(noRoute.get("payload").get("message").asString())
			.isEqualTo("Route \"no.such.route\" is not defined");
		assertThat(server.getBean(ServerHandlers.class).notes.poll(AWAIT.toSeconds(), TimeUnit.SECONDS))
			.isEqualTo("thrown from python");
	}

	private Process startNginx(String nginx, int port) throws IOException, InterruptedException {
		Path prefix = Files.createDirectories(this.directory.resolve("nginx"));
		Files.createDirectories(prefix.resolve("logs"));
		String user = "root".equals(System.getProperty("user.name")) ? "user root;\n" : "";
		String temp = prefix.toString();
		String config = user + """
				worker_processes 1;
				pid %1$s/nginx.pid;
				error_log %1$s/logs/error.log;
				events { worker_connections 64; }
				http {
				    access_log off;
				    client_body_temp_path %1$s/body;
				    proxy_temp_path %1$s/proxy;
				    fastcgi_temp_path %1$s/fastcgi;
				    uwsgi_temp_path %1$s/uwsgi;
				    scgi_temp_path %1$s/scgi;
				    map $http_upgrade $connection_upgrade { default upgrade; '' close; }
				    server {
				        listen 127.0.0.1:%2$d;
				        location /comm {
				            proxy_pass http://127.0.0.1:%3$d;
				            proxy_http_version 1.1;
				            proxy_set_header Upgrade $http_upgrade;
				            proxy_set_header Connection $connection_upgrade;
				            proxy_set_header Host $host;
				            proxy_read_timeout 1h;
				        }
				    }
				}
				""".formatted(temp, port, serverPort);
		Path conf = prefix.resolve("nginx.conf");
		Files.writeString(conf, config);
		List<String> command = new ArrayList<>(List.of(nginx, "-p", temp, "-c", conf.toString(), "-e",
				prefix.resolve("logs/error.log").toString(), "-g", "daemon off;"));
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(prefix.resolve("logs/stdout.log").toFile())
			.start();
		try {
			await("nginx to accept connections").atMost(AWAIT)
				.pollInterval(Duration.ofMillis(50))
				.failFast("nginx exited", () -> !process.isAlive())
				.until(() -> accepts(port));
		}
		catch (ConditionTimeoutException | TerminalFailureException ex) {
			process.destroyForcibly();
			throw new IllegalStateException(
					"nginx did not start: " + Files.readString(prefix.resolve("logs/stdout.log"))
							+ readIfExists(prefix.resolve("logs/error.log")),
					ex);
		}
		return process;
	}

	private static String readIfExists(Path file) throws IOException {
		return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
	}

	private static boolean accepts(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return probe.getLocalPort();
		}
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(ServerHandlers.class)
	static class ServerApplication {

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(ClientHandlers.class)
	static class ClientApplication {

	}

	static class ServerHandlers {

		final BlockingQueue<String> notes = new LinkedBlockingQueue<>();

		@CommHandler("greet")
		String greet(String name) {
			return "hello " + name;
		}

		@CommHandler("note")
		void note(String text) {
			this.notes.add(text);
		}

		@CommHandler("callback")
		String callback(String name, CommPeer caller) {
			return caller.request("greeting", name, String.class) + " via " + caller.clientId();
		}

	}

	static class ClientHandlers {

		@CommHandler("greeting")
		String greeting(String name) {
			return "hello " + name + " from java";
		}

	}

}
