package dev.comm.client;

import java.security.Principal;

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

	/**
	 * Who the peer proved to be over TLS: the subject of the client certificate a
	 * {@code tls://} listener verified (with {@code client-auth} {@code want} or
	 * {@code need}), or of the server certificate when this side dialled. Unlike
	 * {@link #clientId()}, which the peer merely announces, this is checked.
	 * @return the certificate's subject, such as {@code CN=billing,O=Example}, or
	 * {@code null} without TLS or without a peer certificate
	 */
	default Principal principal() {
		return null;
	}

}
