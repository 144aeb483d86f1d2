package dev.comm.autoconfigure;

import dev.comm.endpoint.CommListener;

/**
 * A peer's link to a listener closed: it stopped, crashed, was cut off, or the listener
 * is stopping.
 */
public class CommPeerDisconnectedEvent extends CommPeerEvent {

	public CommPeerDisconnectedEvent(CommListener listener, String clientId, String remoteAddress) {
		super(listener, clientId, remoteAddress);
	}

}
