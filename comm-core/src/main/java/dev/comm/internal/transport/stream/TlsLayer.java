package dev.comm.internal.transport.stream;

import java.time.Duration;

import io.netty.handler.ssl.SslHandler;

import dev.comm.CommException;
import dev.comm.address.CommAddress;
import dev.comm.transport.TlsSettings;
import dev.comm.transport.TransportSettings;

/**
 * The TLS layer of a {@code tls://} pipeline: Netty's {@link SslHandler} in front of the
 * frame decoder, on the JDK engine that the endpoint's {@link TlsSettings} make.
 */
final class TlsLayer {

	private static final String SCHEME = "tls";

	private TlsLayer() {
	}

	static boolean appliesTo(CommAddress address) {
		return SCHEME.equals(address.scheme());
	}

	/**
	 * The layer for a connection this side opens; without settings of its own, a client
	 * trusts what the JVM trusts.
	 */
	static SslHandler client(CommAddress address, TransportSettings settings) {
		TlsSettings tls = (settings.tls() != null) ? settings.tls() : TlsSettings.jvmDefaults();
		SslHandler handler = new SslHandler(tls.clientEngine(address.host(), address.port()));
		handler.setHandshakeTimeoutMillis(settings.connectTimeout().toMillis());
		return handler;
	}

	/**
	 * Check, before binding, that a listener has a certificate to present.
	 * @throws CommException if it has none
	 */
	static TlsSettings serverSettings(CommAddress address, TransportSettings settings) {
		if (settings.tls() == null) {
			throw new CommException("Cannot listen on " + address
					+ ": a tls listener needs TLS settings with the key and certificate it presents");
		}
		return settings.tls();
	}

	static SslHandler server(TlsSettings tls, Duration handshakeTimeout) {
		SslHandler handler = new SslHandler(tls.serverEngine());
		handler.setHandshakeTimeoutMillis(handshakeTimeout.toMillis());
		return handler;
	}

}
