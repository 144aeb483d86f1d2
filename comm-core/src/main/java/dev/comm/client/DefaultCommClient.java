package dev.comm.client;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import dev.comm.CommException;

/**
 * {@link CommClient} over a set of named connectors, each with its own request timeout.
 */
public class DefaultCommClient implements CommClient {

	private final Map<String, CommTarget> targets = new LinkedHashMap<>();

	/**
	 * Create a client.
	 * @param connectors the connectors by name
	 * @param timeouts each connector's request timeout, by name
	 * @param support payload conversion, executor and timer
	 */
	public DefaultCommClient(Map<String, Connector> connectors, Map<String, Duration> timeouts, ClientSupport support) {
		connectors.forEach((name, connector) -> this.targets.put(name,
				new ConnectorTarget(connector, support, timeouts.get(name))));
	}

	@Override
	public CommTarget to(String connector) {
		CommTarget target = this.targets.get(connector);
		if (target == null) {
			throw new CommException("No connector named '" + connector + "'; the configured connectors are "
					+ this.targets.keySet() + " (comm.connectors.<name>.uri)");
		}
		return target;
	}

	@Override
	public Set<String> connectorNames() {
		return Collections.unmodifiableSet(this.targets.keySet());
	}

	private CommTarget defaultTarget() {
		if (this.targets.size() != 1) {
			throw new CommException("There are " + this.targets.size() + " connectors " + this.targets.keySet()
					+ "; pick one with comm.to(name)");
		}
		return this.targets.values().iterator().next();
	}

	@Override
	public <T> T request(String route, Object payload, Class<T> replyType) {
		return defaultTarget().request(route, payload, replyType);
	}

	@Override
	public <T> T request(String route, Object payload, ReplyType<T> replyType) {
		return defaultTarget().request(route, payload, replyType);
	}

	@Override
	public <T> CompletableFuture<T> requestAsync(String route, Object payload, Class<T> replyType) {
		return defaultTarget().requestAsync(route, payload, replyType);
	}

	@Override
	public <T> CompletableFuture<T> requestAsync(String route, Object payload, ReplyType<T> replyType) {
		return defaultTarget().requestAsync(route, payload, replyType);
	}

	@Override
	public void send(String route, Object payload) {
		defaultTarget().send(route, payload);
	}

	@Override
	public CommTarget withTimeout(Duration timeout) {
		return defaultTarget().withTimeout(timeout);
	}

}
