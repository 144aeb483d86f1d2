package dev.comm.transport;

import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Objects;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

import dev.comm.CommException;

/**
 * How one {@code tls://} connector or listener secures its connections.
 * <p>
 * A client always checks that the server's certificate names the host it dialled (a DNS
 * or IP subject alternative name), as an HTTPS client does: a certificate a trusted
 * authority issued to another host is refused.
 *
 * @param context this side's key and certificate (a listener needs one; a client only
 * when the listener asks for client certificates) and the certificates it trusts
 * @param protocols the TLS versions to enable, empty for the JDK's defaults
 * @param ciphers the cipher suites to enable, empty for the JDK's defaults
 * @param clientAuth whether a listener asks clients for a certificate; ignored by clients
 */
public record TlsSettings(SSLContext context, List<String> protocols, List<String> ciphers, ClientAuth clientAuth) {

	public TlsSettings {
		Objects.requireNonNull(context, "context");
		protocols = List.copyOf(protocols);
		ciphers = List.copyOf(ciphers);
		Objects.requireNonNull(clientAuth, "clientAuth");
	}

	/**
	 * A client that trusts what the JVM trusts by default (its {@code cacerts}) and has
	 * no certificate of its own.
	 * @return the settings
	 */
	public static TlsSettings jvmDefaults() {
		try {
			return new TlsSettings(SSLContext.getDefault(), List.of(), List.of(), ClientAuth.NONE);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new CommException("This JVM has no default TLS context", ex);
		}
	}

	/**
	 * These settings, asking clients for certificates as given.
	 * @param clientAuth whether a listener asks clients for a certificate
	 * @return the new settings, on the same TLS context
	 */
	public TlsSettings withClientAuth(ClientAuth clientAuth) {
		return new TlsSettings(this.context, this.protocols, this.ciphers, clientAuth);
	}

	/**
	 * An engine for a connection this side opened.
	 * @param host the host that was dialled, which the server's certificate must name
	 * @param port the port that was dialled
	 * @return the engine, in client mode
	 */
	public SSLEngine clientEngine(String host, int port) {
		SSLEngine engine = this.context.createSSLEngine(host, port);
		engine.setUseClientMode(true);
		SSLParameters parameters = parameters(engine);
		parameters.setEndpointIdentificationAlgorithm("HTTPS");
		engine.setSSLParameters(parameters);
		return engine;
	}

	/**
	 * An engine for a connection this side accepted.
	 * @return the engine, in server mode
	 */
	public SSLEngine serverEngine() {
		SSLEngine engine = this.context.createSSLEngine();
		engine.setUseClientMode(false);
		SSLParameters parameters = parameters(engine);
		switch (this.clientAuth) {
			case NEED -> parameters.setNeedClientAuth(true);
			case WANT -> parameters.setWantClientAuth(true);
			case NONE -> parameters.setNeedClientAuth(false);
		}
		engine.setSSLParameters(parameters);
		return engine;
	}

	private SSLParameters parameters(SSLEngine engine) {
		SSLParameters parameters = engine.getSSLParameters();
		if (!this.protocols.isEmpty()) {
			parameters.setProtocols(this.protocols.toArray(String[]::new));
		}
		if (!this.ciphers.isEmpty()) {
			parameters.setCipherSuites(this.ciphers.toArray(String[]::new));
		}
		return parameters;
	}

	@Override
	public String toString() {
		return "TlsSettings[protocols=" + (this.protocols.isEmpty() ? "default" : this.protocols) + ", ciphers="
				+ (this.ciphers.isEmpty() ? "default" : this.ciphers.size()) + ", clientAuth=" + this.clientAuth + "]";
	}

	/**
	 * Whether a listener asks connecting clients for a certificate.
	 */
	public enum ClientAuth {

		/** Clients are not asked. */
		NONE,

		/** Clients are asked; one without a certificate is still accepted. */
		WANT,

		/** Clients must present a certificate the listener trusts. */
		NEED

	}

}
