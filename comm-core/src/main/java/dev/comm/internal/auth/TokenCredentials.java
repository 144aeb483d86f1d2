package dev.comm.internal.auth;

import java.util.Map;
import java.util.function.Supplier;

import dev.comm.internal.session.HandshakePolicy;
import dev.comm.protocol.Hello;

/**
 * A connector's bearer token, asked for on every connection attempt so that a renewed
 * token is the one sent.
 */
public final class TokenCredentials implements HandshakePolicy {

	private final Supplier<String> token;

	/**
	 * Credentials from a source of tokens.
	 * @param token gives the token for the next connection, or {@code null} for none
	 */
	public TokenCredentials(Supplier<String> token) {
		this.token = token;
	}

	@Override
	public Map<String, Object> credentials() {
		String current = this.token.get();
		return (current != null && !current.isEmpty()) ? Hello.bearer(current) : null;
	}

}
