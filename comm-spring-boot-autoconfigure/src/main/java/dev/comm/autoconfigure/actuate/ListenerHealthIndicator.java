package dev.comm.autoconfigure.actuate;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import dev.comm.endpoint.CommListener;

/**
 * The health of one listener: UP while it is bound and accepting, with its address and
 * how many peers are connected.
 */
final class ListenerHealthIndicator implements HealthIndicator {

	private final CommListener listener;

	private final ListenerPeers peers;

	ListenerHealthIndicator(CommListener listener, ListenerPeers peers) {
		this.listener = listener;
		this.peers = peers;
	}

	@Override
	public Health health() {
		Health.Builder health = this.listener.isRunning() ? Health.up() : Health.down();
		return health.withDetail("address", this.listener.address().format())
			.withDetail("peers", this.peers.of(this.listener).size())
			.build();
	}

}
