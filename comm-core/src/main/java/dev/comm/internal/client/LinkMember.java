package dev.comm.internal.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import dev.comm.CommConnectionLostException;
import dev.comm.internal.session.Link;

/**
 * An accepted {@link Link} as a pool member. Nothing reconnects it from this side, so
 * once closed it fails at once instead of waiting.
 */
final class LinkMember implements ReachableMember {

	private final Link link;

	LinkMember(Link link) {
		this.link = link;
	}

	@Override
	public String id() {
		return this.link.peerClientId();
	}

	@Override
	public boolean isLive() {
		return this.link.isOpen();
	}

	@Override
	public CompletableFuture<Link> link(Duration timeout) {
		if (!this.link.isOpen()) {
			return CompletableFuture.failedFuture(new CommConnectionLostException(
					"Peer '" + id() + "' at " + this.link.remoteAddress() + " is disconnected"));
		}
		return CompletableFuture.completedFuture(this.link);
	}

	@Override
	public String toString() {
		return "PoolMember[" + id() + " at " + this.link.remoteAddress() + "]";
	}

}
