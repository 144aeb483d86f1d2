package dev.comm.autoconfigure;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.ssl.SslOptions;
import org.springframework.util.StringUtils;

import dev.comm.address.CommAddress;
import dev.comm.transport.TlsSettings;
import dev.comm.transport.TlsSettings.ClientAuth;
import dev.comm.transport.TransportSettings;

/**
 * The transport settings of each listener and connector: the application's shared
 * settings, plus, for a {@code tls://} or {@code amqps://} address (and a {@code wss://}
 * connector), TLS from the SSL bundle that its {@code ssl.bundle} property names. Every
 * mistake is reported at startup with the property that holds it, rather than as a failed
 * handshake later: the ssl properties an address has no use for before any bean exists
 * ({@link #checkListener}, {@link #checkConnector}), a missing or keyless bundle when the
 * endpoint is made. Endpoints naming the same bundle share one TLS context, which follows
 * the bundle when it is reloaded.
 */
final class EndpointTls {

	private static final Logger logger = LoggerFactory.getLogger(EndpointTls.class);

	private static final String TLS = "tls";

	private static final String AMQPS = "amqps";

	/** The schemes whose connections this side opens inside TLS. */
	private static final Set<String> DIALLED_WITH_TLS = Set.of(TLS, "wss", AMQPS);

	private final TransportSettings shared;

	private final ObjectProvider<SslBundles> bundles;

	/** Per bundle name: its TLS as a client uses it, created on first use. */
	private final Map<String, TlsSettings> byBundle = new HashMap<>();

	EndpointTls(TransportSettings shared, ObjectProvider<SslBundles> bundles) {
		this.shared = shared;
		this.bundles = bundles;
	}

	/**
	 * Refuse the ssl properties that a listener's address has no use for, and a tls://
	 * listener without a bundle; these need no bean, so {@link CommEndpoints#of} runs
	 * them before any exists.
	 * @param prefix the listener's properties, such as {@code comm.listeners.api}
	 * @param address where it listens
	 * @param bundleName the SSL bundle its {@code ssl.bundle} names, or {@code null}
	 * @param clientAuth its {@code ssl.client-auth}
	 * @throws InvalidCommPropertyException naming the property
	 */
	static void checkListener(String prefix, CommAddress address, String bundleName, ClientAuth clientAuth) {
		if (TLS.equals(address.scheme())) {
			if (!StringUtils.hasText(bundleName)) {
				throw new InvalidCommPropertyException(
						prefix + " listens on " + address + " and needs a certificate to present: set " + prefix
								+ ".ssl.bundle to an SSL bundle configured under spring.ssl.bundle");
			}
			return;
		}
		refuse(prefix + ".ssl.client-auth", clientAuth != ClientAuth.NONE,
				" applies to tls:// listeners, not to " + address);
		if (AMQPS.equals(address.scheme())) {
			checkConnector(prefix, address, bundleName);
			return;
		}
		refuse(prefix + ".ssl.bundle", StringUtils.hasText(bundleName), " applies to tls:// and amqps://"
				+ " listeners, not to " + address + " (a wss listener has the HTTP server's TLS, server.ssl.*)");
	}

	/**
	 * Refuse a bundle on a connector address that is not dialled inside TLS.
	 * @param prefix the endpoint's properties, such as {@code comm.connectors.billing}
	 * @param address where it connects
	 * @param bundleName the SSL bundle its {@code ssl.bundle} names, or {@code null}
	 * @throws InvalidCommPropertyException naming the property
	 */
	static void checkConnector(String prefix, CommAddress address, String bundleName) {
		refuse(prefix + ".ssl.bundle", StringUtils.hasText(bundleName) && !DIALLED_WITH_TLS.contains(address.scheme()),
				" applies to tls://, wss:// and amqps:// addresses, not to " + address);
	}

	private static void refuse(String property, boolean set, String why) {
		if (set) {
			throw new InvalidCommPropertyException(property + why);
		}
	}

	/**
	 * Settings for a listener whose properties passed {@link #checkListener}: a tls://
	 * one presents the key of its bundle; an amqps:// one, a client of its broker, takes
	 * a bundle as a connector does.
	 * @param prefix the listener's properties, such as {@code comm.listeners.api}
	 * @param address where it listens
	 * @param bundleName the SSL bundle its {@code ssl.bundle} names, or {@code null}
	 * @param clientAuth its {@code ssl.client-auth}
	 * @return the settings
	 * @throws InvalidCommPropertyException when the bundle does not exist or has no key
	 */
	TransportSettings listener(String prefix, CommAddress address, String bundleName, ClientAuth clientAuth) {
		if (AMQPS.equals(address.scheme())) {
			return connector(prefix, address, bundleName);
		}
		if (!TLS.equals(address.scheme())) {
			return this.shared;
		}
		SslBundle bundle = bundle(prefix, bundleName);
		if (bundle.getStores().getKeyStore() == null) {
			throw new InvalidCommPropertyException(prefix + ".ssl.bundle is '" + bundleName
					+ "', which has no key store; a listener presents the key and certificate from it");
		}
		return this.shared.withTls(settings(bundleName, bundle).withClientAuth(clientAuth));
	}

	/**
	 * Settings for a connector whose properties passed {@link #checkConnector} (or an
	 * amqps listener, which connects to its broker); without a bundle, it trusts what the
	 * JVM trusts.
	 * @param prefix the endpoint's properties, such as {@code comm.connectors.billing}
	 * @param address where it connects
	 * @param bundleName the SSL bundle its {@code ssl.bundle} names, or {@code null}
	 * @return the settings
	 * @throws InvalidCommPropertyException when the bundle does not exist
	 */
	TransportSettings connector(String prefix, CommAddress address, String bundleName) {
		if (!StringUtils.hasText(bundleName) || !DIALLED_WITH_TLS.contains(address.scheme())) {
			return this.shared;
		}
		return this.shared.withTls(settings(bundleName, bundle(prefix, bundleName)));
	}

	private SslBundle bundle(String prefix, String name) {
		SslBundles available = this.bundles.getIfAvailable();
		if (available == null) {
			throw new InvalidCommPropertyException(prefix + ".ssl.bundle names SSL bundle '" + name
					+ "', but this application has no SSL bundles (SslAutoConfiguration is excluded)");
		}
		try {
			return available.getBundle(name);
		}
		catch (NoSuchSslBundleException ex) {
			throw new InvalidCommPropertyException(
					prefix + ".ssl.bundle is '" + name + "', but no SSL bundle has that name;"
							+ " configure it under spring.ssl.bundle.pem." + name + " or spring.ssl.bundle.jks." + name,
					ex);
		}
	}

	/**
	 * A bundle's TLS, following the bundle when it is reloaded: new connections get the
	 * new certificates (the protocols and ciphers stay as they started).
	 */
	private TlsSettings settings(String name, SslBundle bundle) {
		return this.byBundle.computeIfAbsent(name, (ignored) -> {
			ReloadingSslContext context = ReloadingSslContext.of(bundle.createSslContext());
			this.bundles.getObject().addBundleUpdateHandler(name, (reloaded) -> {
				context.update(reloaded.createSslContext());
				logger.info("SSL bundle '{}' was reloaded; new comm connections use its certificates", name);
			});
			SslOptions options = bundle.getOptions();
			return new TlsSettings(context, listOf(options.getEnabledProtocols()), listOf(options.getCiphers()),
					ClientAuth.NONE);
		});
	}

	private static List<String> listOf(String[] values) {
		return (values != null) ? List.of(values) : List.of();
	}

}
