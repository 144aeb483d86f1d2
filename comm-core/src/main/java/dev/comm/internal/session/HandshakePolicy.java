package dev.comm.internal.session;

import java.security.Principal;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.comm.protocol.Hello;
import dev.comm.transport.Connection;

/**
 * What an endpoint adds to the hello exchange: the credentials its links present when
 * they dial, and, for a listener, the admission of each peer that dials in. {@link #OPEN}
 * presents nothing and admits every peer with a client id.
 */
public interface HandshakePolicy {

	/** No credentials, no admission. */
	HandshakePolicy OPEN = new HandshakePolicy() {
	};

	/**
	 * What a dialling link adds to its hello's {@code comm} object under {@code auth}.
	 * Asked once per connection.
	 * @return the credentials, or {@code null} for none
	 */
	default Map<String, Object> credentials() {
		return null;
	}

	/**
	 * Whether an accepting link must admit its peer before it writes its own hello, so
	 * that a peer learns nothing and can send nothing before it is admitted.
	 * @return whether {@link #admit} decides
	 */
	default boolean admits() {
		return false;
	}

	/**
	 * Decide on a peer that dialled in; called only when {@link #admits()}, once its
	 * hello carries a client id.
	 * @param hello the peer's hello
	 * @param connection its connection
	 * @return completes with the peer's principal, or exceptionally with a
	 * {@link dev.comm.auth.CommAuthenticationException} whose message the peer is told
	 */
	default CompletableFuture<Principal> admit(Hello hello, Connection connection) {
		return CompletableFuture.completedFuture(connection.peerPrincipal());
	}

}
