package dev.comm.internal.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import dev.comm.internal.session.Link;

/**
 * A {@link DefaultCommConnector} as a pool member.
 */
final class ConnectorMember implements ReachableMember {

	private final DefaultCommConnector connector;

	ConnectorMember(DefaultCommConnector connector) {
		this.connector = connector;
	}

	@Override
	public String id() {
		return this.connector.address().toString();
	}

	@Override
	public boolean isLive() {
		return this.connector.isConnected();
	}

	@Override
	public CompletableFuture<Link> link(Duration timeout) {
		return this.connector.link(timeout);
	}

	@Override
	public String toString() {
		return "PoolMember[" + this.connector.name() + " -> " + id() + "]";
	}

}
