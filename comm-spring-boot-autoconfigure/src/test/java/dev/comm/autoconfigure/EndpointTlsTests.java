package dev.comm.autoconfigure;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.ssl.DefaultSslBundleRegistry;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.ssl.SslOptions;
import org.springframework.boot.ssl.jks.JksSslStoreBundle;
import org.springframework.boot.ssl.jks.JksSslStoreDetails;

import dev.comm.address.CommAddress;
import dev.comm.transport.TlsSettings.ClientAuth;
import dev.comm.transport.TransportSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Which endpoints take which {@code ssl.*} properties: the checks that need no network.
 */
class EndpointTlsTests {

	private final EndpointTls tls = endpointTls();

	@Test
	void amqpsListenersAndConnectorsTakeABundleToTrustTheirBroker() {
		CommAddress amqps = CommAddress.parse("amqps://guest:guest@rabbit:5671/?service=orders");
		assertThat(this.tls.listener("comm.listeners.bus", amqps, "trust", ClientAuth.NONE).tls()).isNotNull();
		assertThat(this.tls.connector("comm.connectors.orders", amqps, "trust").tls()).isNotNull();
		assertThat(this.tls.connector("comm.connectors.orders", amqps, null).tls()).isNull();
	}

	@Test
	void endpointsNamingTheSameBundleShareOneTlsContext() {
		TransportSettings tls = this.tls.connector("comm.connectors.a", CommAddress.parse("tls://a:7443"), "trust");
		TransportSettings amqps = this.tls.listener("comm.listeners.bus",
				CommAddress.parse("amqps://guest:guest@rabbit:5671/?service=orders"), "trust", ClientAuth.NONE);
		// one context to reload, and one broker
		// connection for endpoints on the same broker
		assertThat(amqps.tls()).isEqualTo(tls.tls());
		assertThat(amqps.tls().context()).isSameAs(tls.tls().context());
	}

	@Test
	void theBundlesOptionsBecomeTheEnabledProtocolsAndCiphers() {
		TransportSettings settings = this.tls.connector("comm.connectors.a", CommAddress.parse("tls://a:7443"),
				"tls12");
		assertThat(settings.tls().protocols()).containsExactly("TLSv1.2");
		assertThat(settings.tls().ciphers()).containsExactly("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256");
	}

	@Test
	void clientAuthBelongsToTlsListenersOnly() {
		CommAddress amqps = CommAddress.parse("amqps://guest:guest@rabbit:5671/?service=orders");
		assertThatExceptionOfType(InvalidCommPropertyException.class)
			.isThrownBy(() -> EndpointTls.checkListener("comm.listeners.bus", amqps, "trust", ClientAuth.NEED))
			.withMessage("comm.listeners.bus.ssl.client-auth applies to tls:// listeners, not to "
					+ "amqps://guest:****@rabbit:5671/?service=orders");
	}

	@Test
	void aWsListenerTakesNoBundle() {
		assertThatExceptionOfType(InvalidCommPropertyException.class)
			.isThrownBy(() -> EndpointTls.checkListener("comm.listeners.web", CommAddress.parse("ws:/comm"), "trust",
					ClientAuth.NONE))
			.withMessageContaining("comm.listeners.web.ssl.bundle applies to tls:// and amqps:// listeners")
			.withMessageContaining("server.ssl");
	}

	@Test
	void aTlsListenerNeedsABundle() {
		assertThatExceptionOfType(InvalidCommPropertyException.class)
			.isThrownBy(() -> EndpointTls.checkListener("comm.listeners.main", CommAddress.parse("tls://127.0.0.1:0"),
					null, ClientAuth.NONE))
			.withMessage("comm.listeners.main listens on tls://127.0.0.1:0 and needs a certificate to present:"
					+ " set comm.listeners.main.ssl.bundle to an SSL bundle configured under spring.ssl.bundle");
	}

	@Test
	void aConnectorTakesABundleOnlyForAddressesDialledInsideTls() {
		EndpointTls.checkConnector("comm.connectors.a", CommAddress.parse("wss://a:8443/comm"), "trust");
		EndpointTls.checkConnector("comm.connectors.a", CommAddress.parse("tcp://a:7070"), null);
		assertThatExceptionOfType(InvalidCommPropertyException.class)
			.isThrownBy(
					() -> EndpointTls.checkConnector("comm.connectors.a", CommAddress.parse("tcp://a:7070"), "trust"))
			.withMessage("comm.connectors.a.ssl.bundle applies to tls://, wss:// and amqps:// addresses,"
					+ " not to tcp://a:7070");
	}

	private static EndpointTls endpointTls() {
		DefaultSslBundleRegistry registry = new DefaultSslBundleRegistry();
		JksSslStoreBundle trust = new JksSslStoreBundle(null,
				new JksSslStoreDetails("PKCS12", null, "classpath:tls/trust.p12", "changeit"));
		registry.registerBundle("trust", SslBundle.of(trust));
		registry.registerBundle("tls12", SslBundle.of(trust, null,
				SslOptions.of(new String[] { "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256" }, new String[] { "TLSv1.2" })));
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("sslBundleRegistry", registry);
		return new EndpointTls(TransportSettings.defaults(), beans.getBeanProvider(SslBundles.class));
	}

}
