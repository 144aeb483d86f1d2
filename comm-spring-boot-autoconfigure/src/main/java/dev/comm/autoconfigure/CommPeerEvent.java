package dev.comm.autoconfigure;

import org.springframework.context.ApplicationEvent;

import dev.comm.endpoint.CommListener;

/**
 * A peer connected to or disconnected from one of this application's listeners. Listen
 * for the subclasses with {@code @EventListener}; they are published in the order they
 * happened, off the I/O threads.
 */
public abstract class CommPeerEvent extends ApplicationEvent {

	private final String clientId;

	private final String remoteAddress;

	protected CommPeerEvent(CommListener listener, String clientId, String remoteAddress) {
		super(listener);
		this.clientId = clientId;
		this.remoteAddress = remoteAddress;
	}

	/**
	 * The listener the peer connected to.
	 * @return the listener
	 */
	public CommListener getListener() {
		return (CommListener) getSource();
	}

	/**
	 * The name of the listener ({@code comm.listeners.<name>}).
	 * @return the name
	 */
	public String getListenerName() {
		return getListener().name();
	}

	/**
	 * The client id the peer announced in its hello.
	 * @return the client id
	 */
	public String getClientId() {
		return this.clientId;
	}

	/**
	 * The peer's address.
	 * @return a description of the remote address
	 */
	public String getRemoteAddress() {
		return this.remoteAddress;
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + "[" + this.clientId + " at " + this.remoteAddress + " on listener '"
				+ getListenerName() + "']";
	}

}
