package dev.comm.testing;

import java.io.InputStream;
import java.security.KeyStore;
import java.util.List;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import dev.comm.transport.TlsSettings;
import dev.comm.transport.TlsSettings.ClientAuth;

/**
 * TLS settings from the test certificates in {@code src/test/resources/tls} (see
 * {@code generate.sh} there): {@code server.p12} is issued by the test CA to localhost
 * and 127.0.0.1, {@code client.p12} is a client certificate from the same CA,
 * {@code other-host.p12} names another host, {@code untrusted.p12} is self-signed, and
 * {@code trust.p12} holds the test CA alone ({@code ca.crt}, {@code server.crt} and
 * {@code server.key} are PEM copies, for PEM bundles).
 */
public final class TestTls {

	private static final char[] PASSWORD = "changeit".toCharArray();

	private TestTls() {
	}

	/**
	 * A listener presenting the server certificate; clients are not asked for one.
	 * @return the settings
	 */
	public static TlsSettings server() {
		return settings("server.p12", "trust.p12", ClientAuth.NONE);
	}

	/**
	 * A client that trusts the test CA and has no certificate.
	 * @return the settings
	 */
	public static TlsSettings client() {
		return settings(null, "trust.p12", ClientAuth.NONE);
	}

	/**
	 * Settings from the test stores.
	 * @param keyStore the store with this side's key and certificate, or {@code null} for
	 * none
	 * @param trustStore the store with the certificates this side trusts
	 * @param clientAuth whether a listener asks clients for a certificate
	 * @return the settings
	 */
	public static TlsSettings settings(String keyStore, String trustStore, ClientAuth clientAuth) {
		try {
			KeyManagerFactory keys = null;
			if (keyStore != null) {
				keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
				keys.init(load(keyStore), PASSWORD);
			}
			TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			trust.init(load(trustStore));
			SSLContext context = SSLContext.getInstance("TLS");
			context.init((keys != null) ? keys.getKeyManagers() : null, trust.getTrustManagers(), null);
			return new TlsSettings(context, List.of(), List.of(), clientAuth);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot load the test stores " + keyStore + " and " + trustStore, ex);
		}
	}

	/**
	 * A store from {@code src/test/resources/tls}.
	 * @param name the file name
	 * @return the loaded store
	 */
	public static KeyStore load(String name) throws Exception {
		KeyStore store = KeyStore.getInstance("PKCS12");
		try (InputStream in = TestTls.class.getResourceAsStream("/tls/" + name)) {
			if (in == null) {
				throw new IllegalStateException("No test store " + name);
			}
			store.load(in, PASSWORD);
		}
		return store;
	}

}
