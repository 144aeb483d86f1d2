package dev.comm.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import dev.comm.session.Link;

/**
 * One member of a {@link CommPool}: a connector (a peer this side dials) or a peer
 * connected to a listener. Members come and go; a pool asks them each time whether they
 * are live.
 */
public interface PoolMember {

	/**
	 * The member's id: a peer's client id, or a connector's address.
	 * @return the id
	 */
	String id();

	/**
	 * Whether the member has an open link now.
	 * @return whether a request sent now would go out at once
	 */
	boolean isLive();

	/**
	 * Whether calls to the member, though it is not live, wait for it to come back: a
	 * peer whose session is kept while it reconnects.
	 * @return whether it is worth waiting for
	 */
	default boolean isResumable() {
		return false;
	}

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
	static PoolMember of(Connector connector) {
		return new ConnectorMember(connector);
	}

	/**
	 * A member that was accepted: live while its link is open; it never comes back, a
	 * reconnecting peer is a new member with the same client id.
	 * @param link an accepted link
	 * @return the member, whose id is the peer's client id
	 */
	static PoolMember of(Link link) {
		return new LinkMember(link);
	}

}
