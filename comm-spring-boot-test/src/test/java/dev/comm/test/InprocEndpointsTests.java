package dev.comm.test;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.comm.address.CommAddress;
import dev.comm.autoconfigure.CommProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The addresses that in-process mode gives listeners and connectors.
 */
class InprocEndpointsTests {

	private final CommProperties properties = new CommProperties();

	@Test
	void aListenerGetsANameOfItsContextAndLosesWhatOnlyItsOldAddressNeeded() {
		listener("api", "tls://0.0.0.0:7443").getSsl().setBundle("server");
		InprocEndpoints endpoints = InprocEndpoints.of(this.properties, "ctx-1");
		assertThat(endpoints.properties()).containsEntry("comm.listeners[api].uri", "inproc://ctx-1.api")
			.containsEntry("comm.listeners[api].ssl.bundle", "")
			.containsEntry("comm.listeners[api].ssl.client-auth", "none")
			.containsEntry("comm.transports.inproc", true);
		assertThat(endpoints.unserved()).isEmpty();
	}

	@Test
	void aConnectorThatReachesAnOwnListenerGetsItsName() {
		listener("main", "tcp://0.0.0.0:7000");
		connector("self", "tcp://localhost:7000");
		assertThat(InprocEndpoints.of(this.properties, "ctx").properties()).containsEntry("comm.connectors[self].uri",
				"inproc://ctx.main");
	}

	@Test
	void aConnectorToAnotherPortOrHostIsUnserved() {
		listener("main", "tcp://127.0.0.1:7000");
		connector("other-port", "tcp://127.0.0.1:7001");
		connector("other-host", "tcp://billing:7000");
		InprocEndpoints endpoints = InprocEndpoints.of(this.properties, "ctx");
		assertThat(endpoints.properties())
			.containsEntry("comm.connectors[other-port].uri", "inproc://ctx.unserved.other-port")
			.containsEntry("comm.connectors[other-host].uri", "inproc://ctx.unserved.other-host");
		assertThat(endpoints.unserved()).extracting(InprocEndpoints.UnservedAddress::address)
			.containsExactly(CommAddress.parse("tcp://127.0.0.1:7001"), CommAddress.parse("tcp://billing:7000"));
	}

	@Test
	void eachUriOfAConnectorIsMovedOnItsOwn() {
		listener("local", "unix:///run/app.sock");
		CommProperties.Connector connector = new CommProperties.Connector();
		connector.setUris(List.of("unix:///run/app.sock", "unix:///run/other.sock"));
		this.properties.getConnectors().put("workers", connector);
		InprocEndpoints endpoints = InprocEndpoints.of(this.properties, "ctx");
		assertThat(endpoints.properties()).containsEntry("comm.connectors[workers].uris[0]", "inproc://ctx.local")
			.containsEntry("comm.connectors[workers].uris[1]", "inproc://ctx.unserved.workers#2");
	}

	@Test
	void anAmqpConnectorMeetsTheListenerOfItsService() {
		listener("bus", "amqp://broker/?service=orders");
		connector("orders", "amqp://other-broker/").setService("orders");
		connector("billing", "amqp://broker/?service=billing");
		InprocEndpoints endpoints = InprocEndpoints.of(this.properties, "ctx");
		assertThat(endpoints.properties()).containsEntry("comm.connectors[orders].uri", "inproc://ctx.bus")
			.containsEntry("comm.connectors[orders].service", "")
			.containsEntry("comm.connectors[billing].uri", "inproc://ctx.unserved.billing");
	}

	@Test
	void anAddressThatDoesNotParseIsLeftForTheApplicationToReport() {
		listener("broken", "tcp://nowhere");
		connector("broken", "bogus://x");
		assertThat(InprocEndpoints.of(this.properties, "ctx").properties())
			.doesNotContainKey("comm.listeners[broken].uri")
			.doesNotContainKey("comm.connectors[broken].uri");
	}

	private CommProperties.Listener listener(String name, String uri) {
		CommProperties.Listener listener = new CommProperties.Listener();
		listener.setUri(uri);
		this.properties.getListeners().put(name, listener);
		return listener;
	}

	private CommProperties.Connector connector(String name, String uri) {
		CommProperties.Connector connector = new CommProperties.Connector();
		connector.setUri(uri);
		this.properties.getConnectors().put(name, connector);
		return connector;
	}

}
