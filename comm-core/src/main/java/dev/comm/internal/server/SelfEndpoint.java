package dev.comm.internal.server;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.comm.address.CommAddress;
import dev.comm.internal.client.Backoff;
import dev.comm.internal.client.DefaultCommConnector;
import dev.comm.internal.session.LinkSettings;
import dev.comm.internal.transport.inproc.InprocTransport;
import dev.comm.transport.TransportSettings;

/**
 * An application's way to call its own handlers as if from a peer: a listener of its own
 * on the application's link settings (its dispatcher, validation, exception handlers and
 * observation), on a private in-process transport, and one connector to it per client id
 * the handlers should see. None of it is an endpoint the application lists; the test
 * client and routes over HTTP stand on it.
 */
public final class SelfEndpoint implements AutoCloseable {

	private static final AtomicInteger endpoints = new AtomicInteger();

	/** The link never leaves the process: reconnects need no long pauses. */
	private static final Backoff BACKOFF = new Backoff(Duration.ofMillis(50), Duration.ofSeconds(1), 2);

	private final String name;

	private final InprocTransport transport = new InprocTransport();

	private final CommAddress address;

	private final LinkSettings linkSettings;

	private final TransportSettings transportSettings;

	private final DefaultCommListener listener;

	private final Map<String, DefaultCommConnector> connectors = new LinkedHashMap<>();

	private boolean running;

	/**
	 * @param name the name its listener and connectors carry in logs and observations
	 * @param linkSettings the application's link settings
	 * @param transportSettings the application's transport settings
	 */
	public SelfEndpoint(String name, LinkSettings linkSettings, TransportSettings transportSettings) {
		this.name = name;
		this.address = CommAddress.inproc(name + "-" + endpoints.incrementAndGet());
		this.linkSettings = linkSettings;
		this.transportSettings = transportSettings;
		this.listener = new DefaultCommListener(name, this.address, this.transport, transportSettings, linkSettings);
	}

	/**
	 * The connector that calls the handlers as {@code clientId}: made on first use, and
	 * dialling once this endpoint has started.
	 * @param clientId the id the handlers see as {@code CommPeer.clientId()}
	 * @return the connector
	 */
	public synchronized DefaultCommConnector connector(String clientId) {
		DefaultCommConnector connector = this.connectors.computeIfAbsent(clientId,
				(id) -> new DefaultCommConnector(this.name + "[" + id + "]", this.address, this.transport,
						this.transportSettings, this.linkSettings.asClient(id), BACKOFF));
		if (this.running) {
			connector.start();
		}
		return connector;
	}

	public synchronized void start() {
		this.listener.start();
		this.connectors.values().forEach(DefaultCommConnector::start);
		this.running = true;
	}

	public synchronized void stop() {
		this.running = false;
		this.connectors.values().forEach(DefaultCommConnector::stop);
		this.listener.stop(Duration.ZERO);
	}

	public synchronized boolean isRunning() {
		return this.running;
	}

	@Override
	public void close() {
		if (isRunning()) {
			stop();
		}
		this.transport.close();
	}

}
