package dev.comm.test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;

import dev.comm.address.CommAddress;
import dev.comm.client.CommPool;
import dev.comm.client.RoundRobinStrategy;
import dev.comm.internal.client.Backoff;
import dev.comm.internal.client.DefaultCommConnector;
import dev.comm.internal.client.PoolTarget;
import dev.comm.internal.client.ReachableMember;
import dev.comm.internal.client.TargetResources;
import dev.comm.internal.server.DefaultCommListener;
import dev.comm.internal.session.LinkSettings;
import dev.comm.internal.transport.inproc.InprocTransport;
import dev.comm.transport.TransportSettings;

/**
 * The in-process link behind {@link CommTestClient}: a listener of its own that serves
 * the application's handlers (the application's link settings, so its dispatcher,
 * exception handlers and observation), and one connector to it per client id a test calls
 * as. None of it is a bean the application sees: no {@code CommListener} in the actuator,
 * no peer in {@code comm.peers(...)}, no peer events. It works whether or not the
 * application has listeners, and on a transport of its own, whatever
 * {@code comm.transports.*} say.
 */
final class CommTestEndpoint implements SmartLifecycle, DisposableBean {

	private static final AtomicInteger endpoints = new AtomicInteger();

	/** Reconnects are for a test that stopped the context; keep them quick. */
	private static final Backoff BACKOFF = new Backoff(Duration.ofMillis(50), Duration.ofSeconds(1), 2);

	private final InprocTransport transport = new InprocTransport();

	private final CommAddress address = CommAddress.inproc("comm-test-client-" + endpoints.incrementAndGet());

	private final LinkSettings linkSettings;

	private final TransportSettings transportSettings;

	private final TargetResources resources;

	private final Duration requestTimeout;

	private final DefaultCommListener listener;

	private final Map<String, DefaultCommConnector> connectors = new LinkedHashMap<>();

	private boolean running;

	CommTestEndpoint(LinkSettings linkSettings, TransportSettings transportSettings, TargetResources resources,
			Duration requestTimeout) {
		this.linkSettings = linkSettings;
		this.transportSettings = transportSettings;
		this.resources = resources;
		this.requestTimeout = requestTimeout;
		this.listener = new DefaultCommListener("commTestClient", this.address, this.transport, transportSettings,
				linkSettings);
	}

	/**
	 * Calls to the application's handlers from a client with that id; its connector is
	 * made on first use, and dials once the context has started.
	 * @param clientId the id the handlers see as {@code CommPeer.clientId()}
	 * @return the target
	 */
	synchronized CommPool target(String clientId) {
		DefaultCommConnector connector = this.connectors.computeIfAbsent(clientId, this::connector);
		if (this.running) {
			connector.start();
		}
		List<ReachableMember> member = List.of(ReachableMember.of(connector));
		return new PoolTarget("commTestClient", () -> member, new RoundRobinStrategy(), this.resources,
				this.requestTimeout);
	}

	private DefaultCommConnector connector(String clientId) {
		LinkSettings asClient = this.linkSettings.asClient(clientId);
		return new DefaultCommConnector("commTestClient[" + clientId + "]", this.address, this.transport,
				this.transportSettings, asClient, BACKOFF);
	}

	@Override
	public synchronized void start() {
		this.listener.start();
		this.connectors.values().forEach(DefaultCommConnector::start);
		this.running = true;
	}

	@Override
	public synchronized void stop() {
		this.running = false;
		this.connectors.values().forEach(DefaultCommConnector::stop);
		this.listener.stop(Duration.ZERO);
	}

	@Override
	public synchronized boolean isRunning() {
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
