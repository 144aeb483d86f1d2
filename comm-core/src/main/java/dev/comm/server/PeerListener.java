package dev.comm.server;

import dev.comm.session.Link;

/**
 * Told when a peer completes its handshake with a {@link CommListener} and when its link
 * closes, for instance to count workers. Called on an I/O thread: return quickly, and do
 * not block.
 */
public interface PeerListener {

	/**
	 * A peer connected.
	 * @param listener the listener it connected to
	 * @param link its link; {@link Link#peerClientId()} is its client id
	 */
	default void peerConnected(CommListener listener, Link link) {
	}

	/**
	 * A peer's link closed.
	 * @param listener the listener it was connected to
	 * @param link its closed link
	 */
	default void peerDisconnected(CommListener listener, Link link) {
	}

}
