package dev.comm.autoconfigure;

import dev.comm.endpoint.CommListener;

/**
 * A peer completed its handshake with a listener: from now on it can be called through
 * {@code CommClient.peers(listenerName)}.
 */
public class CommPeerConnectedEvent extends CommPeerEvent {

	public CommPeerConnectedEvent(CommListener listener, String clientId, String remoteAddress) {
		super(listener, clientId, remoteAddress);
	}

}
