package dev.comm.endpoint;

/**
 * Told when a peer completes its handshake with a {@link CommListener} and when its
 * connection closes, for instance to count workers. Called on an I/O thread: return
 * quickly, and do not block. To call the peer, use
 * {@link dev.comm.client.CommClient#peers(String)} with the listener's name.
 */
public interface PeerListener {

	/**
	 * A peer connected.
	 * @param listener the listener it connected to
	 * @param peer who it is
	 */
	default void peerConnected(CommListener listener, PeerInfo peer) {
	}

	/**
	 * A peer's connection closed.
	 * @param listener the listener it was connected to
	 * @param peer who it was
	 */
	default void peerDisconnected(CommListener listener, PeerInfo peer) {
	}

}
