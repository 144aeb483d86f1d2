package dev.comm.autoconfigure.actuate;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import dev.comm.autoconfigure.IdleSubscriber;
import dev.comm.client.CommClient;
import dev.comm.handler.CommHandler;
import dev.comm.handler.OnCommRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * comm in Actuator, end to end: a web application with Actuator whose connector and pool
 * dial a comm-only server over tcp, read over HTTP as an operator would.
 */
class CommActuatorIntegrationTests {

	private static final Duration AWAIT = Duration.ofSeconds(20);

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private final int serverPort = freePort();

	private ConfigurableApplicationContext server;

	private ConfigurableApplicationContext client;

	@AfterEach
	void close() {
		if (this.client != null) {
			this.client.close();
		}
		if (this.server != null) {
			this.server.close();
		}
	}

	@Test
	void healthTurnsDownWhenTheServerStopsAndUpWhenItIsBack() throws Exception {
		this.server = startServer();
		this.client = startClient("management.endpoint.health.show-details=always");
		await("the connector to connect").atMost(AWAIT).until(() -> commHealth().path("status").asText().equals("UP"));
		JsonNode up = commHealth().path("components");
		assertThat(up.at("/listeners/components/local/status").asText()).isEqualTo("UP");
		assertThat(up.at("/connectors/components/backend/status").asText()).isEqualTo("UP");
		assertThat(up.at("/connectors/components/backend/details/phase").asText()).isEqualTo("connected");
		assertThat(up.at("/pools/components/workers/details/live").asInt()).isEqualTo(1);

		this.server.close();
		await("the loss to show").atMost(AWAIT).until(() -> commHealth().path("status").asText().equals("DOWN"));
		JsonNode down = commHealth().path("components");
		assertThat(down.at("/connectors/components/backend/status").asText()).isEqualTo("DOWN");
		assertThat(down.at("/connectors/components/backend/details/phase").asText()).isEqualTo("reconnecting");
		assertThat(down.at("/pools/components/workers/status").asText()).isEqualTo("DOWN");
		assertThat(down.at("/listeners/components/local/status").asText()).isEqualTo("UP");

		this.server = startServer();
		await("the reconnect to show").atMost(AWAIT).until(() -> commHealth().path("status").asText().equals("UP"));
	}

	@Test
	void theStatesThatCountAsDownAreTheApplicationsToChoose() throws Exception {
		this.client = startClient("management.endpoint.health.show-details=always",
				"comm.health.connector.connecting=OUT_OF_SERVICE", "comm.health.connector.unreachable=UNKNOWN",
				"comm.health.pool.below-min-live=UNKNOWN", "comm.connect-timeout=5s");
		// nothing listens: connecting within the connect timeout, then unreachable
		JsonNode connecting = commHealth().at("/components/connectors/components/backend");
		assertThat(connecting.path("status").asText()).isEqualTo("OUT_OF_SERVICE");
		await("the connect timeout to pass").atMost(AWAIT)
			.until(() -> commHealth().at("/components/connectors/components/backend/details/phase")
				.asText()
				.equals("unreachable"));
		JsonNode unreachable = commHealth().at("/components/connectors/components/backend");
		assertThat(unreachable.path("status").asText()).isEqualTo("UNKNOWN");
		assertThat(unreachable.at("/details/lastFailure").asText()).isNotEmpty();
		assertThat(commHealth().at("/components/pools/components/workers/status").asText()).isEqualTo("UNKNOWN");
	}

	@Test
	void theCommEndpointShowsRoutesListenersPeersConnectorsAndPools() throws Exception {
		this.server = startServer();
		this.client = startClient("management.endpoints.web.exposure.include=comm,health",
				"management.endpoint.health.show-details=always");
		await("the connector to connect").atMost(AWAIT).until(() -> commHealth().path("status").asText().equals("UP"));
		JsonNode comm = get("/actuator/comm");

		JsonNode routes = comm.path("routes");
		assertThat(routes.findValuesAsString("route")).contains("greet");
		JsonNode greet = find(routes, "route", "greet");
		assertThat(greet.path("bean").asText()).isEqualTo(ClientApplication.Handlers.class.getName());
		assertThat(greet.path("method").asText()).isEqualTo("greet");
		assertThat(greet.path("parameters").get(0).asText()).isEqualTo("java.lang.String");
		assertThat(greet.path("returnType").asText()).isEqualTo("java.lang.String");
		JsonNode fallback = find(routes, "fallback", "true");
		assertThat(fallback.path("method").asText()).isEqualTo("anything");

		JsonNode listener = find(comm.path("listeners"), "name", "local");
		assertThat(listener.path("running").asBoolean()).isTrue();
		assertThat(listener.path("address").asText()).startsWith("tcp://127.0.0.1:");

		JsonNode connector = find(comm.path("connectors"), "name", "backend");
		assertThat(connector.path("phase").asText()).isEqualTo("connected");
		assertThat(connector.path("address").asText()).isEqualTo("tcp://127.0.0.1:" + this.serverPort);

		JsonNode pool = find(comm.path("pools"), "name", "workers");
		assertThat(pool.path("live").asInt()).isEqualTo(1);
		assertThat(pool.path("members").get(0).path("id").asText()).isEqualTo("tcp://127.0.0.1:" + this.serverPort);
	}

	@Test
	void theServersPeersShowWithTheirRequestsInFlightAndOpenStreams() throws Exception {
		this.server = startServer();
		this.client = startClient("management.endpoints.web.exposure.include=comm,health");
		CommClient comm = this.client.getBean(CommClient.class);
		CountDownLatch release = this.server.getBean(ServerApplication.Handlers.class).release;
		var held = comm.to("backend").requestAsync("hold", "x", String.class);
		// asks for nothing: the endless source waits for credit with the stream open
		IdleSubscriber<String> stream = new IdleSubscriber<>();
		comm.to("backend").requestStream("endless", "x", String.class).subscribe(stream);
		await("the held request and the open stream to show").atMost(AWAIT).until(() -> {
			JsonNode shown = get(this.server, "/actuator/comm").at("/listeners/0/peers/0");
			return shown.path("inFlight").asInt() == 1 && shown.path("openStreams").asInt() == 1;
		});
		JsonNode peer = get(this.server, "/actuator/comm").at("/listeners/0/peers/0");
		assertThat(peer.path("clientId").asText()).isEqualTo("actuated-client");
		assertThat(peer.path("remoteAddress").asText()).contains("127.0.0.1");
		assertThat(Instant.parse(peer.path("connectedSince").asText())).isBefore(Instant.now());
		release.countDown();
		assertThat(held.get(10, TimeUnit.SECONDS)).isEqualTo("released x");
		stream.cancel();
		await("the cancelled stream to go").atMost(AWAIT)
			.until(() -> get(this.server, "/actuator/comm").at("/listeners/0/peers/0/openStreams").asInt() == 0);
	}

	private static JsonNode find(JsonNode array, String field, String value) {
		for (JsonNode node : array) {
			if (node.path(field).asText().equals(value)) {
				return node;
			}
		}
		throw new AssertionError("No entry with " + field + "=" + value + " in " + array);
	}

	private JsonNode commHealth() throws IOException, InterruptedException {
		return get("/actuator/health/comm");
	}

	private JsonNode get(String path) throws IOException, InterruptedException {
		return get(this.client, path);
	}

	private JsonNode get(ConfigurableApplicationContext application, String path)
			throws IOException, InterruptedException {
		String port = application.getEnvironment().getProperty("local.server.port");
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
		return json.readTree(response.body());
	}

	private ConfigurableApplicationContext startServer() {
		return new SpringApplicationBuilder(ServerApplication.class).web(WebApplicationType.SERVLET)
			.run("--server.port=0", "--comm.client-id=actuated-server",
					"--comm.listeners.main.uri=tcp://127.0.0.1:" + this.serverPort, "--spring.jmx.enabled=false",
					"--management.endpoints.web.exposure.include=comm");
	}

	private ConfigurableApplicationContext startClient(String... properties) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--comm.client-id=actuated-client",
				"--comm.connectors.backend.uri=tcp://127.0.0.1:" + this.serverPort,
				"--comm.pools.workers.connectors=backend", "--comm.listeners.local.uri=tcp://127.0.0.1:0",
				"--spring.jmx.enabled=false"));
		for (String property : properties) {
			args.add("--" + property);
		}
		return new SpringApplicationBuilder(ClientApplication.class).web(WebApplicationType.SERVLET)
			.run(args.toArray(String[]::new));
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class ServerApplication {

		@Bean
		Handlers handlers() {
			return new Handlers();
		}

		static class Handlers {

			final CountDownLatch release = new CountDownLatch(1);

			@CommHandler("hold")
			String hold(String text) throws InterruptedException {
				this.release.await(10, TimeUnit.SECONDS);
				return "released " + text;
			}

			@CommHandler("endless")
			Stream<String> endless(String item) {
				return Stream.generate(() -> item);
			}

		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class ClientApplication {

		@Bean
		Handlers handlers() {
			return new Handlers();
		}

		static class Handlers {

			@CommHandler("greet")
			String greet(String name) {
				return "Hello, " + name;
			}

			@OnCommRequest
			Map<String, Object> anything(String payload) {
				return Map.of("echo", payload);
			}

		}

	}

}
