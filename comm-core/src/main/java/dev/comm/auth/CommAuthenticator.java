package dev.comm.auth;

import java.security.Principal;

/**
 * Decides whether a peer that connects to a listener may stay, and who it is. Consulted
 * once per connection, after the peer's hello and before this side answers it, on a
 * handler thread (so it may block, for example to ask an identity provider). A refused
 * peer receives a refusal and is closed; none of its messages reaches a handler.
 * <p>
 * The principal it returns is what {@link dev.comm.client.CommPeer#principal()} gives the
 * handlers of the peer's calls. With Spring Security, return an {@code Authentication}:
 * it is then the security context of those calls, so that method security
 * ({@code @PreAuthorize}) applies to handler methods.
 */
@FunctionalInterface
public interface CommAuthenticator {

	/**
	 * Authenticate a connecting peer.
	 * @param handshake what is known of the peer
	 * @return the peer's principal; {@code null} refuses the peer
	 * @throws CommAuthenticationException to refuse the peer with a reason it is told
	 */
	Principal authenticate(CommHandshake handshake);

}
