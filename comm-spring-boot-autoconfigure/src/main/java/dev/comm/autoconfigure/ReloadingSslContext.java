package dev.comm.autoconfigure;

import java.security.KeyManagementException;
import java.security.SecureRandom;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * An {@link SSLContext} that makes its engines with whichever context it was last given,
 * so that an SSL bundle reloaded because its certificate files changed
 * ({@code reload-on-update}) reaches comm's new connections without a restart, as it
 * reaches Spring Boot's web servers. Connections already open keep the certificate they
 * started with.
 */
final class ReloadingSslContext extends SSLContext {

	private final Current current;

	private ReloadingSslContext(Current current) {
		super(current, current.context.getProvider(), current.context.getProtocol());
		this.current = current;
	}

	static ReloadingSslContext of(SSLContext initial) {
		return new ReloadingSslContext(new Current(initial));
	}

	/**
	 * Make new engines with another context from now on.
	 * @param next the context of the reloaded bundle
	 */
	void update(SSLContext next) {
		this.current.context = next;
	}

	private static final class Current extends SSLContextSpi {

		private volatile SSLContext context;

		Current(SSLContext context) {
			this.context = context;
		}

		@Override
		protected void engineInit(KeyManager[] keys, TrustManager[] trust, SecureRandom random)
				throws KeyManagementException {
			throw new KeyManagementException("Initialized from its SSL bundle; give it another context instead");
		}

		@Override
		protected SSLSocketFactory engineGetSocketFactory() {
			return this.context.getSocketFactory();
		}

		@Override
		protected SSLServerSocketFactory engineGetServerSocketFactory() {
			return this.context.getServerSocketFactory();
		}

		@Override
		protected SSLEngine engineCreateSSLEngine() {
			return this.context.createSSLEngine();
		}

		@Override
		protected SSLEngine engineCreateSSLEngine(String host, int port) {
			return this.context.createSSLEngine(host, port);
		}

		@Override
		protected SSLSessionContext engineGetServerSessionContext() {
			return this.context.getServerSessionContext();
		}

		@Override
		protected SSLSessionContext engineGetClientSessionContext() {
			return this.context.getClientSessionContext();
		}

		@Override
		protected SSLParameters engineGetDefaultSSLParameters() {
			return this.context.getDefaultSSLParameters();
		}

		@Override
		protected SSLParameters engineGetSupportedSSLParameters() {
			return this.context.getSupportedSSLParameters();
		}

	}

}
