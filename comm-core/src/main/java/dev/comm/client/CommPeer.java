package dev.comm.client;

/**
 * The other end of a link, as a handler sees its caller: who it is, and a way to call it
 * back on the same connection (requests and throws) before or after replying.
 */
public interface CommPeer extends CommTarget {

	/**
	 * The client id the peer announced when it connected; {@code null} when this side
	 * dialled it.
	 * @return the client id
	 */
	String clientId();

	/**
	 * A description of the peer's address.
	 * @return the remote address
	 */
	String remoteAddress();

}
