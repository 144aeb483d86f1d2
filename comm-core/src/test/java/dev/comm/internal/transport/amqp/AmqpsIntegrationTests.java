package dev.comm.internal.transport.amqp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.comm.CommException;
import dev.comm.client.CommClient;
import dev.comm.handler.CommHandler;
import dev.comm.testing.CommTestNode;
import dev.comm.testing.RabbitBroker;
import dev.comm.testing.SeverableTcpProxy;
import dev.comm.testing.TestTls;
import dev.comm.transport.TlsSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code amqps://} with an endpoint's own trust material: the local broker behind a TLS
 * front that presents the test server certificate, which only nodes trusting the test CA
 * accept.
 */
class AmqpsIntegrationTests {

	private final String service = RabbitBroker.uniqueService("amqps");

	private final List<AutoCloseable> resources = new ArrayList<>();

	private SeverableTcpProxy proxy;

	@BeforeEach
	void startTlsFront() throws Exception {
		RabbitBroker.assumeAvailable();
		this.proxy = SeverableTcpProxy.terminatingTls(TestTls.server(), RabbitBroker.HOST, RabbitBroker.PORT);
		this.resources.add(this.proxy);
	}

	@AfterEach
	void close() throws Exception {
		for (int i = this.resources.size() - 1; i >= 0; i--) {
			this.resources.get(i).close();
		}
		RabbitBroker.deleteServices(List.of(this.service));
	}

	@Test
	void nodesThatTrustTheBrokersCertificateExchangeRequestsOverAmqps() {
		node(TestTls.client()).listen(uri());
		CommClient comm = node(TestTls.client()).connect(uri(), Duration.ofSeconds(10));
		assertThat(comm.request("echo", "over amqps", String.class)).isEqualTo("over amqps");
	}

	@Test
	void nodeWithTheJvmsTrustStoreRefusesTheBrokersCertificate() {
		assertThatExceptionOfType(CommException.class).isThrownBy(() -> node(null).listen(uri()))
			.withMessageContaining("Cannot listen on amqps://")
			.withMessageContaining("unable to find valid certification path");
	}

	private String uri() {
		return "amqps://guest:guest@127.0.0.1:" + this.proxy.port() + "/?service=" + this.service;
	}

	private CommTestNode node(TlsSettings tls) {
		CommTestNode node = CommTestNode.builder().handlers(new Echo()).tls(tls).build();
		this.resources.add(node);
		return node;
	}

	static final class Echo {

		@CommHandler("echo")
		String echo(String text) {
			return text;
		}

	}

}
