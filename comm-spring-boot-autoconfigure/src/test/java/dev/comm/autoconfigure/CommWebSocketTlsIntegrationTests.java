package dev.comm.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.comm.CommTimeoutException;
import dev.comm.client.CommClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code wss://}: a servlet application whose HTTPS server (an SSL bundle in
 * {@code server.ssl.bundle}) carries a ws listener, reached by a connector that trusts
 * the test CA through its own {@code ssl.bundle}, and refused by one that trusts only the
 * JVM's authorities.
 */
class CommWebSocketTlsIntegrationTests {

	private static ConfigurableApplicationContext server;

	private static String uri;

	@BeforeAll
	static void startServer() {
		server = new SpringApplicationBuilder(CommWebSocketIntegrationTests.ServerApplication.class)
			.web(WebApplicationType.SERVLET)
			.properties("server.port=0", "spring.application.name=wss-server", "server.ssl.bundle=server",
					"spring.ssl.bundle.pem.server.keystore.certificate=classpath:tls/server.crt",
					"spring.ssl.bundle.pem.server.keystore.private-key=classpath:tls/server.key",
					"comm.listeners.web.uri=wss:/comm")
			.run();
		uri = "wss://127.0.0.1:" + server.getEnvironment().getProperty("local.server.port") + "/comm";
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@Test
	void connectorWithABundleThatTrustsTheServerCallsOverWss() {
		withClient(
				List.of("spring.ssl.bundle.pem.client.truststore.certificate=classpath:tls/ca.crt",
						"comm.connectors.web.ssl.bundle=client"),
				(comm) -> assertThat(comm.request("greet", "wss", String.class)).isEqualTo("hello wss"));
	}

	@Test
	void connectorThatTrustsOnlyTheJvmAuthoritiesIsRefusedAndSaysWhy() {
		withClient(List.of(),
				(comm) -> assertThatExceptionOfType(CommTimeoutException.class)
					.isThrownBy(() -> comm.request("greet", "wss", String.class))
					.withMessageContaining("the last attempt failed"));
	}

	private static void withClient(List<String> extra, Consumer<CommClient> test) {
		List<String> properties = new ArrayList<>(List.of("spring.application.name=wss-client",
				"comm.connectors.web.uri=" + uri, "comm.connectors.web.request-timeout=3s"));
		properties.addAll(extra);
		try (ConfigurableApplicationContext client = new SpringApplicationBuilder(
				CommWebSocketIntegrationTests.ClientApplication.class)
			.web(WebApplicationType.NONE)
			.properties(properties.toArray(String[]::new))
			.run()) {
			test.accept(client.getBean(CommClient.class));
		}
	}

}
