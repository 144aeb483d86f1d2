package dev.comm.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;

import dev.comm.CommException;
import dev.comm.client.CommClient;
import dev.comm.handler.CommHandler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * {@code tls://} listeners and connectors between two applications, secured by SSL
 * bundles from {@code spring.ssl.bundle.*}. The stores are the core tests' certificates:
 * {@code server.p12} for localhost and 127.0.0.1, {@code client.p12}, and
 * {@code trust.p12} with the test CA that issued both.
 */
class CommTlsIntegrationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations
		.of(JacksonAutoConfiguration.class, SslAutoConfiguration.class, CommAutoConfiguration.class));

	@Test
	void tlsListenerAndConnectorWithBundlesExchangeRequests() {
		this.runner.withUserConfiguration(Greeter.class)
			.withPropertyValues("spring.ssl.bundle.pem.server.keystore.certificate=classpath:tls/server.crt",
					"spring.ssl.bundle.pem.server.keystore.private-key=classpath:tls/server.key",
					"comm.listeners.main.uri=tls://127.0.0.1:0", "comm.listeners.main.ssl.bundle=server")
			.run((server) -> {
				assertThat(listenerUri(server)).startsWith("tls://127.0.0.1:");
				withClient(server, List.of("spring.ssl.bundle.pem.client.truststore.certificate=classpath:tls/ca.crt"),
						(comm) -> assertThat(comm.request("greet", "tls", String.class)).isEqualTo("hello, tls"));
			});
	}

	@Test
	void listenerThatNeedsClientCertificatesServesOnlyClientsWithOne() {
		server("need").run((server) -> {
			withClient(server, bundle("client", "client.p12"),
					(comm) -> assertThat(comm.request("greet", "known", String.class)).isEqualTo("hello, known"));
			withClient(server, bundle("client", null), (comm) -> assertThatExceptionOfType(CommException.class)
				.isThrownBy(() -> comm.request("greet", "anonymous", String.class)));
		});
	}

	@Test
	void listenerPresentsARenewedCertificateToNewConnectionsWithoutARestart(@TempDir Path directory) throws Exception {
		Path certificate = directory.resolve("server.crt");
		Path key = directory.resolve("server.key");
		copy("server.crt", certificate);
		copy("server.key", key);
		this.runner.withUserConfiguration(Greeter.class)
			.withPropertyValues("spring.ssl.bundle.pem.server.keystore.certificate=file:" + certificate,
					"spring.ssl.bundle.pem.server.keystore.private-key=file:" + key,
					"spring.ssl.bundle.pem.server.reload-on-update=true",
					"spring.ssl.bundle.watch.file.quiet-period=50ms", "comm.listeners.main.uri=tls://127.0.0.1:0",
					"comm.listeners.main.ssl.bundle=server")
			.run((server) -> withClient(server,
					List.of("spring.ssl.bundle.pem.client.truststore.certificate=classpath:tls/ca.crt"), (comm) -> {
						assertThat(comm.request("greet", "before", String.class)).isEqualTo("hello, before");
						assertThat(presentedCertificate(server)).isEqualTo("CN=localhost");
						copy("renewed.key", key);
						copy("renewed.crt", certificate);
						await("the listener to present the renewed certificate").atMost(Duration.ofSeconds(10))
							.until(() -> presentedCertificate(server).equals("CN=renewed localhost"));
						// the open link keeps its session; new
						// ones get the renewed certificate
						assertThat(comm.request("greet", "after", String.class)).isEqualTo("hello, after");
						withClient(server,
								List.of("spring.ssl.bundle.pem.client.truststore.certificate=classpath:tls/ca.crt"),
								(fresh) -> assertThat(fresh.request("greet", "new", String.class))
									.isEqualTo("hello, new"));
					}));
	}

	@Test
	void tlsListenerWithoutABundleFailsAtStartupNamingTheProperty() {
		this.runner.withPropertyValues("comm.listeners.main.uri=tls://127.0.0.1:0")
			.run((context) -> assertStartupFailure(context,
					"comm.listeners.main listens on tls://127.0.0.1:0 and needs a certificate to present: set "
							+ "comm.listeners.main.ssl.bundle"));
	}

	@Test
	void unknownBundleFailsAtStartupNamingTheProperty() {
		this.runner
			.withPropertyValues("comm.connectors.billing.uri=tls://127.0.0.1:7070",
					"comm.connectors.billing.ssl.bundle=missing")
			.run((context) -> assertStartupFailure(context,
					"comm.connectors.billing.ssl.bundle is 'missing', but no SSL bundle has that name"));
	}

	@Test
	void listenerBundleWithoutAKeyFailsAtStartup() {
		List<String> properties = new ArrayList<>(bundle("trust-only", null));
		properties
			.addAll(List.of("comm.listeners.main.uri=tls://127.0.0.1:0", "comm.listeners.main.ssl.bundle=trust-only"));
		this.runner.withPropertyValues(properties.toArray(String[]::new))
			.run((context) -> assertStartupFailure(context,
					"comm.listeners.main.ssl.bundle is 'trust-only', which has no key store"));
	}

	@Test
	void sslPropertiesOnAnAddressWithoutTlsFailAtStartup() {
		this.runner
			.withPropertyValues("comm.listeners.main.uri=tcp://127.0.0.1:0", "comm.listeners.main.ssl.client-auth=need")
			.run((context) -> assertStartupFailure(context,
					"comm.listeners.main.ssl.client-auth applies to tls:// listeners, not to tcp://127.0.0.1:0"));
		this.runner
			.withPropertyValues("comm.connectors.billing.uri=tcp://127.0.0.1:7070",
					"comm.connectors.billing.ssl.bundle=client")
			.run((context) -> assertStartupFailure(context,
					"comm.connectors.billing.ssl.bundle applies to tls://, wss:// and amqps:// addresses, not to tcp://127.0.0.1:7070"));
	}

	private ApplicationContextRunner server(String clientAuth) {
		List<String> properties = new ArrayList<>(bundle("server", "server.p12"));
		properties.addAll(List.of("spring.application.name=server", "comm.listeners.main.uri=tls://127.0.0.1:0",
				"comm.listeners.main.ssl.bundle=server", "comm.listeners.main.ssl.client-auth=" + clientAuth));
		return this.runner.withUserConfiguration(Greeter.class).withPropertyValues(properties.toArray(String[]::new));
	}

	private void withClient(ConfigurableApplicationContext server, List<String> bundle, Consumer<CommClient> test) {
		List<String> properties = new ArrayList<>(bundle);
		properties.addAll(List.of("spring.application.name=client", "comm.connectors.server.uri=" + listenerUri(server),
				"comm.connectors.server.ssl.bundle=client", "comm.connectors.server.request-timeout=3s"));
		this.runner.withPropertyValues(properties.toArray(String[]::new))
			.run((client) -> test.accept(client.getBean(CommClient.class)));
	}

	private static void copy(String testFile, Path to) {
		try (InputStream in = CommTlsIntegrationTests.class.getResourceAsStream("/tls/" + testFile)) {
			Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The subject of the certificate the listener presents to a new connection now.
	 */
	private static String presentedCertificate(ConfigurableApplicationContext server) {
		try {
			return presentedCertificate(URI.create(listenerUri(server)));
		}
		catch (Exception ex) {
			throw new IllegalStateException("No TLS handshake with the listener", ex);
		}
	}

	private static String presentedCertificate(URI uri) throws Exception {
		SSLContext trustingTheTestCa = SSLContext.getInstance("TLS");
		TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		KeyStore store = KeyStore.getInstance("PKCS12");
		try (InputStream in = CommTlsIntegrationTests.class.getResourceAsStream("/tls/trust.p12")) {
			store.load(in, "changeit".toCharArray());
		}
		trust.init(store);
		trustingTheTestCa.init(null, trust.getTrustManagers(), null);
		try (SSLSocket socket = (SSLSocket) trustingTheTestCa.getSocketFactory()
			.createSocket(uri.getHost(), uri.getPort())) {
			socket.startHandshake();
			return socket.getSession().getPeerPrincipal().getName();
		}
	}

	private static String listenerUri(ConfigurableApplicationContext server) {
		return server.getEnvironment().getProperty("local.comm.listeners.main.uri");
	}

	/**
	 * A PKCS#12 bundle that trusts the test CA.
	 * @param name the bundle's name
	 * @param keyStore the store with the key to present, or {@code null} for none
	 */
	private static List<String> bundle(String name, String keyStore) {
		String prefix = "spring.ssl.bundle.jks." + name;
		List<String> properties = new ArrayList<>(List.of(prefix + ".truststore.location=classpath:tls/trust.p12",
				prefix + ".truststore.password=changeit", prefix + ".truststore.type=PKCS12"));
		if (keyStore != null) {
			properties.addAll(List.of(prefix + ".keystore.location=classpath:tls/" + keyStore,
					prefix + ".keystore.password=changeit", prefix + ".keystore.type=PKCS12",
					prefix + ".key.alias=comm"));
		}
		return properties;
	}

	private static void assertStartupFailure(AssertableApplicationContext context, String message) {
		assertThat(context).hasFailed();
		Throwable failure = context.getStartupFailure();
		List<String> messages = new ArrayList<>();
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			messages.add(cause.getMessage());
		}
		assertThat(messages).anySatisfy((each) -> assertThat(each).contains(message));
	}

	static class Greeter {

		@CommHandler("greet")
		String greet(String name) {
			return "hello, " + name;
		}

	}

}
