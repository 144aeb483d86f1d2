package dev.comm.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import dev.comm.session.Link;

/**
 * A {@link Connector} as a pool member.
 */
final class ConnectorMember implements PoolMember {

	private final Connector connector;

	ConnectorMember(Connector connector) {
		this.connector = connector;
	}

	@Override
	public String id() {
		return this.connector.getAddress().toString();
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
		return "PoolMember[" + this.connector.getName() + " -> " + id() + "]";
	}

}
