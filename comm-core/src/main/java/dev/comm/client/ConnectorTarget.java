package dev.comm.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import dev.comm.session.Link;

/**
 * A {@link CommTarget} that sends through a {@link Connector}, waiting for it to connect
 * when needed.
 */
final class ConnectorTarget extends AbstractCommTarget {

	private final Connector connector;

	ConnectorTarget(Connector connector, ClientSupport support, Duration timeout) {
		super(support, timeout);
		this.connector = connector;
	}

	@Override
	protected CompletableFuture<Link> link(Duration timeout) {
		return this.connector.link(timeout);
	}

	@Override
	protected CommTarget copy(Duration timeout) {
		return new ConnectorTarget(this.connector, support(), timeout);
	}

	@Override
	public String toString() {
		return "CommTarget[" + this.connector.getName() + "]";
	}

}
