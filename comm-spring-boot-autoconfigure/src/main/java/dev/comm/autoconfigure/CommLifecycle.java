package dev.comm.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import dev.comm.address.CommAddress;
import dev.comm.internal.client.DefaultCommConnector;
import dev.comm.internal.server.DefaultCommListener;

/**
 * Starts listeners, then connectors, once the context is refreshed; stops them in reverse
 * order, giving running handlers the grace period. Publishes each listener's bound
 * address as {@code local.comm.listeners.<name>.uri} (and {@code .port} for network
 * addresses), the way Spring Boot publishes {@code local.server.port}, so that port 0 is
 * usable in tests and apps.
 * <p>
 * Each running listener keeps the JVM alive ({@link ServerKeepAlive}) until it has
 * stopped, so that a process that only serves comm peers stays up.
 */
public class CommLifecycle implements SmartLifecycle, DisposableBean {

	/** Name of the property source that holds the bound addresses. */
	public static final String PROPERTY_SOURCE_NAME = "commListeners";

	private final List<DefaultCommListener> listeners;

	private final List<DefaultCommConnector> connectors;

	private final Duration gracePeriod;

	private final ConfigurableEnvironment environment;

	private final Map<DefaultCommListener, ServerKeepAlive> keepAlives = new LinkedHashMap<>();

	private volatile boolean running;

	CommLifecycle(List<DefaultCommListener> listeners, List<DefaultCommConnector> connectors, Duration gracePeriod,
			ConfigurableEnvironment environment) {
		this.listeners = listeners;
		this.connectors = connectors;
		this.gracePeriod = gracePeriod;
		this.environment = environment;
	}

	@Override
	public synchronized void start() {
		try {
			startEndpoints();
		}
		catch (RuntimeException ex) {
			// a listener that did bind must not keep a process up whose startup failed
			stopEndpoints(Duration.ZERO);
			throw ex;
		}
		this.running = true;
	}

	private void startEndpoints() {
		Map<String, Object> bound = new LinkedHashMap<>();
		for (DefaultCommListener listener : this.listeners) {
			listener.start();
			this.keepAlives.put(listener, ServerKeepAlive.hold(listener.name()));
			CommAddress address = listener.address();
			bound.put("local.comm.listeners." + listener.name() + ".uri", address.format());
			if (address.port() >= 0) {
				bound.put("local.comm.listeners." + listener.name() + ".port", address.port());
			}
		}
		this.environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, bound));
		this.connectors.forEach(DefaultCommConnector::start);
	}

	@Override
	public synchronized void stop() {
		this.running = false;
		stopEndpoints(this.gracePeriod);
	}

	private void stopEndpoints(Duration grace) {
		this.connectors.forEach(DefaultCommConnector::stop);
		for (DefaultCommListener listener : this.listeners) {
			try {
				listener.stop(grace);
			}
			finally {
				ServerKeepAlive keepAlive = this.keepAlives.remove(listener);
				if (keepAlive != null) {
					keepAlive.release();
				}
			}
		}
		this.environment.getPropertySources().remove(PROPERTY_SOURCE_NAME);
	}

	/**
	 * Stop what is still running when the context is torn down without being stopped,
	 * which is what happens when a later part of the startup fails.
	 */
	@Override
	public synchronized void destroy() {
		if (this.running || !this.keepAlives.isEmpty()) {
			stop();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Start after ordinary beans and stop before them, so that handlers can use every
	 * other bean while messages flow; and start after the embedded web server (phase
	 * {@code DEFAULT_PHASE - 2048}), so that a ws listener mounted on it knows the
	 * server's port when its address is published. On the way down, the web server's
	 * graceful shutdown ({@code DEFAULT_PHASE - 1024}) stops new upgrades first, then the
	 * listeners drain, then the server stops.
	 */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 1536;
	}

}
