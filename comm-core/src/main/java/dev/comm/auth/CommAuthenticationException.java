package dev.comm.auth;

import dev.comm.CommException;

/**
 * Thrown by a {@link CommAuthenticator} to refuse a peer, with a message the peer is told
 * (keep secrets out of it).
 */
public class CommAuthenticationException extends CommException {

	public CommAuthenticationException(String message) {
		super(message);
	}

}
