package dev.comm.autoconfigure.http;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;

import dev.comm.internal.client.DefaultCommConnector;
import dev.comm.internal.server.SelfEndpoint;
import dev.comm.internal.session.LinkSettings;
import dev.comm.transport.TransportSettings;

/**
 * The in-process link HTTP calls take to the application's handlers: a
 * {@link SelfEndpoint} with one connector, under the client id handlers see.
 */
final class CommHttpBridge implements SmartLifecycle, DisposableBean {

	private final SelfEndpoint self;

	private final DefaultCommConnector connector;

	private final Duration timeout;

	CommHttpBridge(LinkSettings app, TransportSettings transportSettings, String clientId, Duration timeout) {
		this.self = new SelfEndpoint("commHttp", app, transportSettings);
		this.connector = this.self.connector(clientId);
		this.timeout = timeout;
	}

	/**
	 * Call a route.
	 * @param route the route
	 * @param payload the JSON body
	 * @return the reply's JSON, or comm's exception
	 */
	CompletableFuture<byte[]> request(String route, byte[] payload) {
		long start = System.nanoTime();
		return this.connector.link(this.timeout)
			.thenCompose((link) -> link.request(route, payload, this.timeout.minusNanos(System.nanoTime() - start)));
	}

	/**
	 * Throw to a route.
	 * @param route the route
	 * @param payload the JSON body
	 * @return completes once the throw is handed over
	 */
	CompletableFuture<Void> send(String route, byte[] payload) {
		return this.connector.link(this.timeout).thenCompose((link) -> link.send(route, payload));
	}

	@Override
	public void start() {
		this.self.start();
	}

	@Override
	public void stop() {
		this.self.stop();
	}

	@Override
	public boolean isRunning() {
		return this.self.isRunning();
	}

	/** With the application's endpoints, which start at {@code DEFAULT_PHASE - 1536}. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 1536;
	}

	@Override
	public void destroy() {
		this.self.close();
	}

}
