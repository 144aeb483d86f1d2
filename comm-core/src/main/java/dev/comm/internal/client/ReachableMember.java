package dev.comm.internal.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import dev.comm.client.PoolMember;
import dev.comm.internal.session.Link;

/**
 * A pool member as the pool itself sees it: one that can be reached through a link. A
 * {@link dev.comm.client.PoolStrategy} sees only the {@link PoolMember} view.
 */
public interface ReachableMember extends PoolMember {

	/**
	 * An open link to the member.
	 * @param timeout how long a member that reconnects by itself may take
	 * @return completes with an open link, or exceptionally with a timeout or connection
	 * error
	 */
	CompletableFuture<Link> link(Duration timeout);

	/**
	 * A member that dials: live while the connector is connected, and waited for while it
	 * reconnects.
	 * @param connector the connector
	 * @return the member, whose id is the connector's address
	 */
	static ReachableMember of(DefaultCommConnector connector) {
		return new ConnectorMember(connector);
	}

	/**
	 * A member that was accepted: live while its link is open; it never comes back, a
	 * reconnecting peer is a new member with the same client id.
	 * @param link an accepted link
	 * @return the member, whose id is the peer's client id
	 */
	static ReachableMember of(Link link) {
		return new LinkMember(link);
	}

}
