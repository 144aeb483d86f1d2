package dev.comm.autoconfigure.http;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;

import dev.comm.address.CommAddress;
import dev.comm.internal.client.Backoff;
import dev.comm.internal.client.DefaultCommConnector;
import dev.comm.internal.server.DefaultCommListener;
import dev.comm.internal.session.LinkSettings;
import dev.comm.internal.transport.inproc.InprocTransport;
import dev.comm.transport.TransportSettings;

/**
 * The in-process link HTTP calls take to the application's handlers: a listener of its
 * own on the application's link settings (its dispatcher, validation, exception handlers
 * and observation) and one connector to it, under the client id handlers see. Neither is
 * a bean the application sees.
 */
final class CommHttpBridge implements SmartLifecycle, DisposableBean {

	private static final Backoff BACKOFF = new Backoff(Duration.ofMillis(50), Duration.ofSeconds(1), 2);

	private final InprocTransport transport = new InprocTransport();

	private final DefaultCommListener listener;

	private final DefaultCommConnector connector;

	private final Duration timeout;

	private volatile boolean running;

	CommHttpBridge(LinkSettings app, TransportSettings transportSettings, String clientId, Duration timeout) {
		CommAddress address = CommAddress.inproc("comm-http-" + System.identityHashCode(this));
		this.listener = new DefaultCommListener("commHttp", address, this.transport, transportSettings, app);
		this.connector = new DefaultCommConnector("commHttp", address, this.transport, transportSettings,
				app.asClient(clientId), BACKOFF);
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

	Duration timeout() {
		return this.timeout;
	}

	@Override
	public void start() {
		this.listener.start();
		this.connector.start();
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		this.connector.stop();
		this.listener.stop(Duration.ZERO);
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** With the application's endpoints, which start at {@code DEFAULT_PHASE - 1536}. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 1536;
	}

	@Override
	public void destroy() {
		if (this.running) {
			stop();
		}
		this.transport.close();
	}

}
