package dev.comm.client;

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

}
