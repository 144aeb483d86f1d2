package dev.comm.autoconfigure;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import dev.comm.address.InvalidAddressException;
import dev.comm.client.RandomStrategy;
import dev.comm.client.RoundRobinStrategy;
import dev.comm.internal.client.Backoff;
import dev.comm.transport.TlsSettings.ClientAuth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The endpoint model as properties describe it, and each message of the validation that
 * runs before it is built.
 */
class CommEndpointsTests {

	@Test
	void listenersBecomeEndpointsWithTheirAddressAndBeanNames() {
		CommEndpoints endpoints = endpoints(
				Map.of("comm.listeners.web.uri", "ws:/comm", "comm.listeners.web.allowed-origins",
						"https://app.example.test", "comm.listeners.main.uri", "tls://127.0.0.1:0",
						"comm.listeners.main.ssl.bundle", "server", "comm.listeners.main.ssl.client-auth", "need"));
		CommEndpoints.ListenerEndpoint web = endpoints.listener("web");
		assertThat(web.address()).hasToString("ws:/comm");
		assertThat(web.isWebSocket()).isTrue();
		assertThat(web.allowedOrigins()).containsExactly("https://app.example.test");
		assertThat(web.beanName()).isEqualTo("webCommListener");
		assertThat(web.peersBeanName()).isEqualTo("webCommPeers");
		CommEndpoints.ListenerEndpoint main = endpoints.listener("main");
		assertThat(main.isWebSocket()).isFalse();
		assertThat(main.sslBundle()).isEqualTo("server");
		assertThat(main.clientAuth()).isEqualTo(ClientAuth.NEED);
		assertThat(main.prefix()).isEqualTo("comm.listeners.main");
	}

	@Test
	void aConnectorWithOneUriIsOneMemberNamedAfterIt() {
		CommEndpoints.ConnectorEndpoint billing = endpoints(Map.of("comm.connectors.billing.uri", "tcp://billing:7070"))
			.connector("billing");
		assertThat(billing.members()).singleElement().satisfies((member) -> {
			assertThat(member.name()).isEqualTo("billing");
			assertThat(member.beanName()).isEqualTo("billingCommConnector");
			assertThat(member.address()).hasToString("tcp://billing:7070");
		});
		assertThat(billing.beanName()).isEqualTo("billingCommPool");
		assertThat(billing.newStrategy()).isInstanceOf(RoundRobinStrategy.class);
	}

	@Test
	void aConnectorWithSeveralUrisIsNumberedFromOne() {
		CommEndpoints endpoints = endpoints(
				Map.of("comm.connectors.workers.uris", "unix:///run/w1.sock,unix:///run/w2.sock"));
		assertThat(endpoints.connector("workers").members()).extracting(CommEndpoints.ConnectorEndpoint.Member::name)
			.containsExactly("workers#1", "workers#2");
		assertThat(endpoints.connectorBeanNames()).containsExactly("workersCommConnector1", "workersCommConnector2");
	}

	@Test
	void timeoutsFallBackToTheGlobalRequestTimeoutAndBackoffComesFromReconnect() {
		CommEndpoints endpoints = endpoints(Map.of("comm.request-timeout", "7s", "comm.connectors.a.uri", "tcp://a:1",
				"comm.connectors.b.uri", "tcp://b:1", "comm.connectors.b.request-timeout", "2s",
				"comm.connectors.b.reconnect.initial-delay", "50ms", "comm.connectors.b.reconnect.max-delay", "1s",
				"comm.connectors.b.reconnect.multiplier", "3", "comm.pools.all.connectors", "a,b",
				"comm.pools.all.strategy", "random"));
		assertThat(endpoints.connector("a").requestTimeout()).isEqualTo(Duration.ofSeconds(7));
		assertThat(endpoints.connector("b").requestTimeout()).isEqualTo(Duration.ofSeconds(2));
		assertThat(endpoints.connector("b").backoff())
			.isEqualTo(new Backoff(Duration.ofMillis(50), Duration.ofSeconds(1), 3));
		assertThat(endpoints.pools()).singleElement().satisfies((pool) -> {
			assertThat(pool.connectors()).containsExactly("a", "b");
			assertThat(pool.requestTimeout()).isEqualTo(Duration.ofSeconds(7));
			assertThat(pool.beanName()).isEqualTo("allCommPool");
			assertThat(pool.newStrategy()).isInstanceOf(RandomStrategy.class);
		});
	}

	@Test
	void theServicePropertyIsFoldedIntoAnAmqpAddress() {
		assertThat(
				endpoints(Map.of("comm.connectors.bus.uri", "amqp://u:p@broker.invalid/", "comm.connectors.bus.service",
						"orders"))
					.connector("bus")
					.members()
					.get(0)
					.address()
					.parameter("service"))
			.isEqualTo("orders");
	}

	@Test
	void listenerWithoutUriFailsNamingTheProperty() {
		assertInvalid(Map.of("comm.listeners.main.service", "orders"),
				"comm.listeners.main.uri is required, for example tcp://127.0.0.1:7070");
	}

	@Test
	void blankUriInAListFailsNamingItsIndex() {
		assertInvalid(Map.of("comm.connectors.workers.uris[0]", "tcp://a:1", "comm.connectors.workers.uris[1]", " "),
				"comm.connectors.workers.uris[1] is required, for example tcp://127.0.0.1:7070");
	}

	@Test
	void uriThatDoesNotParseFailsWithTheAddressError() {
		assertThatExceptionOfType(InvalidAddressException.class)
			.isThrownBy(() -> endpoints(Map.of("comm.connectors.billing.uri", "tcp://billing")))
			.withMessageContaining("a port is required");
	}

	@Test
	void serviceThatContradictsTheUriFailsNamingTheProperty() {
		assertInvalid(
				Map.of("comm.connectors.bus.uri", "amqp://u:p@broker.invalid/?service=billing",
						"comm.connectors.bus.service", "orders"),
				"comm.connectors.bus.service is 'orders' but the uri names service 'billing'; set it in one place");
	}

	@Test
	void handlerThreadsBelowOneFailNamingTheProperty() {
		assertInvalid(Map.of("comm.handler-threads", "0"), "comm.handler-threads must be at least 1, not 0");
	}

	@Test
	void maxFrameSizeOutsideItsRangeFailsNamingTheProperty() {
		assertInvalid(Map.of("comm.max-frame-size", "10B"), "comm.max-frame-size must be between 1KB and 2GB, not 10B");
		assertInvalid(Map.of("comm.max-frame-size", "3GB"),
				"comm.max-frame-size must be between 1KB and 2GB, not 3221225472B");
	}

	@Test
	void connectTimeoutThatIsNotPositiveFailsNamingTheProperty() {
		assertInvalid(Map.of("comm.connect-timeout", "-1s"),
				"comm.connect-timeout must be a positive duration, not PT-1S");
	}

	@Test
	void prefetchBelowOneFailsNamingTheProperty() {
		assertInvalid(Map.of("comm.amqp.prefetch", "0"), "comm.amqp.prefetch must be at least 1, not 0");
	}

	@Test
	void unknownPoolStrategyFailsNamingThePropertyAndTheKnownOnes() {
		assertInvalid(
				Map.of("comm.connectors.a.uri", "tcp://a:1", "comm.pools.all.connectors", "a",
						"comm.pools.all.strategy", "fastest"),
				"comm.pools.all.strategy: Unknown pool strategy 'fastest'; the known strategies are [random, round-robin]");
	}

	@Test
	void poolNamingAnUnknownConnectorFailsNamingTheKnownOnes() {
		assertInvalid(Map.of("comm.connectors.a.uri", "tcp://a:1", "comm.pools.all.connectors", "b"),
				"comm.pools.all.connectors names 'b', which is not one of the connectors [a]");
	}

	@Test
	void poolWithTheNameOfAConnectorFails() {
		assertInvalid(Map.of("comm.connectors.a.uri", "tcp://a:1", "comm.pools.a.connectors", "a"),
				"comm.pools.a has the name of a connector; comm.to(name) must find one or the other");
	}

	private static void assertInvalid(Map<String, String> properties, String message) {
		assertThatExceptionOfType(InvalidCommPropertyException.class).isThrownBy(() -> endpoints(properties))
			.withMessage(message);
	}

	private static CommEndpoints endpoints(Map<String, String> properties) {
		CommProperties bound = new Binder(new MapConfigurationPropertySource(properties))
			.bind("comm", CommProperties.class)
			.orElseGet(CommProperties::new);
		return CommEndpoints.of(bound);
	}

}
