package dev.comm.internal.auth;

import java.security.Principal;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import dev.comm.auth.CommAuthenticationException;
import dev.comm.auth.CommAuthenticator;
import dev.comm.auth.CommHandshake;
import dev.comm.internal.session.HandshakePolicy;
import dev.comm.protocol.Hello;
import dev.comm.transport.Connection;

/**
 * A listener's admission of peers by the application's {@link CommAuthenticator}, run on
 * the handler threads since an authenticator may block and I/O threads must not.
 */
public final class AuthenticatorAdmission implements HandshakePolicy {

	private final CommAuthenticator authenticator;

	private final Executor executor;

	private final String listener;

	private final String transport;

	/**
	 * Admission for one listener.
	 * @param authenticator decides on each peer
	 * @param executor where it runs
	 * @param listener the listener's name
	 * @param transport the listener's scheme
	 */
	public AuthenticatorAdmission(CommAuthenticator authenticator, Executor executor, String listener,
			String transport) {
		this.authenticator = authenticator;
		this.executor = executor;
		this.listener = listener;
		this.transport = transport;
	}

	@Override
	public boolean admits() {
		return true;
	}

	@Override
	public CompletableFuture<Principal> admit(Hello hello, Connection connection) {
		CommHandshake handshake = new CommHandshake(this.listener, this.transport, hello.clientId(),
				connection.remoteAddress(), Optional.ofNullable(hello.bearerToken()), connection.peerPrincipal());
		return CompletableFuture.supplyAsync(() -> {
			Principal principal = this.authenticator.authenticate(handshake);
			if (principal == null) {
				throw new CommAuthenticationException("not authenticated");
			}
			return principal;
		}, this.executor);
	}

}
