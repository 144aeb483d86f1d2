package dev.comm.internal.client;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.stream.Stream;

import dev.comm.CommException;
import dev.comm.client.CommClient;
import dev.comm.client.CommPool;
import dev.comm.client.CommTarget;
import dev.comm.client.ReplyType;
import dev.comm.client.RoundRobinStrategy;

/**
 * {@link CommClient} over named pools: one per connector (one member per URI), one per
 * configured pool, and one per listener for its peers.
 */
public class DefaultCommClient implements CommClient {

	private final Map<String, CommPool> targets;

	private final Map<String, CommPool> peers;

	/**
	 * Create a client over single-URI connectors.
	 * @param connectors the connectors by name
	 * @param timeouts each connector's request timeout, by name
	 * @param support payload conversion and timer
	 */
	public DefaultCommClient(Map<String, DefaultCommConnector> connectors, Map<String, Duration> timeouts,
			TargetResources support) {
		this(single(connectors, timeouts, support), Map.of());
	}

	/**
	 * Create a client over pools.
	 * @param targets connector and configured pools by name, for {@link #to(String)}
	 * @param peers listeners' peer pools by listener name, for {@link #peers(String)}
	 */
	public DefaultCommClient(Map<String, CommPool> targets, Map<String, CommPool> peers) {
		this.targets = Collections.unmodifiableMap(new LinkedHashMap<>(targets));
		this.peers = Collections.unmodifiableMap(new LinkedHashMap<>(peers));
	}

	private static Map<String, CommPool> single(Map<String, DefaultCommConnector> connectors,
			Map<String, Duration> timeouts, TargetResources support) {
		Map<String, CommPool> pools = new LinkedHashMap<>();
		connectors.forEach((name, connector) -> {
			List<ReachableMember> member = List.of(ReachableMember.of(connector));
			pools.put(name, new PoolTarget(name, () -> member, new RoundRobinStrategy(), support, timeouts.get(name)));
		});
		return pools;
	}

	@Override
	public CommPool to(String name) {
		CommPool target = this.targets.get(name);
		if (target == null) {
			throw new CommException("No connector or pool named '" + name + "'; the configured ones are "
					+ this.targets.keySet() + " (comm.connectors.<name>, comm.pools.<name>)");
		}
		return target;
	}

	@Override
	public CommPool peers(String listener) {
		CommPool pool = this.peers.get(listener);
		if (pool == null) {
			throw new CommException("No listener named '" + listener + "'; the configured listeners are "
					+ this.peers.keySet() + " (comm.listeners.<name>.uri)");
		}
		return pool;
	}

	@Override
	public Set<String> connectorNames() {
		return this.targets.keySet();
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
	public <T> Flow.Publisher<T> requestStream(String route, Object payload, Class<T> itemType) {
		return defaultTarget().requestStream(route, payload, itemType);
	}

	@Override
	public <T> Flow.Publisher<T> requestStream(String route, Object payload, ReplyType<T> itemType) {
		return defaultTarget().requestStream(route, payload, itemType);
	}

	@Override
	public <T> Stream<T> requestStreamBlocking(String route, Object payload, Class<T> itemType) {
		return defaultTarget().requestStreamBlocking(route, payload, itemType);
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
