package dev.comm.transport;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.comm.CommException;
import dev.comm.address.CommAddress;
import dev.comm.auth.CommAuthenticationException;
import dev.comm.auth.CommAuthenticator;
import dev.comm.auth.CommHandshake;
import dev.comm.client.CommClient;
import dev.comm.client.CommPeer;
import dev.comm.handler.CommHandler;
import dev.comm.internal.auth.AuthenticatorAdmission;
import dev.comm.internal.auth.TokenCredentials;
import dev.comm.internal.server.DefaultCommListener;
import dev.comm.protocol.Hello;
import dev.comm.protocol.MessageFrame;
import dev.comm.protocol.MessageType;
import dev.comm.protocol.Metadata;
import dev.comm.protocol.Refusal;
import dev.comm.testing.CommTestNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Authentication on connect over a transport: a listener's authenticator sees the peer's
 * token and client id before it answers the hello, an admitted peer's handlers see the
 * principal it was admitted as, and a refused peer is told why and closed before any of
 * its messages reaches a handler. Every transport's contract test implements this
 * interface; over a broker the broker authenticates, and the contract does not apply.
 */
interface AuthenticationContract {

	Duration WAIT = Duration.ofSeconds(10);

	String TOKEN = "s3cret-token";

	/**
	 * A new listen address for the transport under test.
	 * @return the URI
	 */
	String authListenUri();

	/**
	 * A node builder with what the transport under test needs.
	 * @return the builder
	 */
	CommTestNode.Builder authNodeBuilder();

	/**
	 * Connect below the link layer.
	 * @param address a bound listener address
	 * @return the raw peer
	 */
	RawPeer openAuthRawPeer(CommAddress address) throws Exception;

	/**
	 * Whether the listener itself authenticates its peers; {@code false} where a broker
	 * does.
	 * @return whether the contract applies
	 */
	default boolean authenticatesOnConnect() {
		return true;
	}

	@Test
	default void aPeerWithTheTokenIsAdmittedAndItsHandlersSeeItsPrincipal() {
		assumeTrue(authenticatesOnConnect(), "the broker authenticates");
		try (Secured secured = Secured.start(this, Secured::tokenChecker)) {
			CommClient client = secured.client.connect(secured.listener.address().toString(),
					new TokenCredentials(() -> TOKEN), WAIT);

			assertThat(client.request("auth.whoami", "", String.class)).isEqualTo("service:auth-client");
			assertThat(secured.handshakes).singleElement().satisfies((handshake) -> {
				assertThat(handshake.listener()).isEqualTo("test");
				assertThat(handshake.clientId()).isEqualTo("auth-client");
				assertThat(handshake.token()).contains(TOKEN);
				assertThat(handshake.transport()).isEqualTo(secured.listener.address().scheme());
			});
		}
	}

	@Test
	default void aPeerWithAWrongTokenIsToldWhyAndOtherPeersAreStillServed() {
		assumeTrue(authenticatesOnConnect(), "the broker authenticates");
		try (Secured secured = Secured.start(this, Secured::tokenChecker)) {
			String address = secured.listener.address().toString();
			CommClient refused = secured.client.connect(address, new TokenCredentials(() -> "guess"),
					Duration.ofSeconds(2));
			CommClient admitted = secured.client.connect(address, new TokenCredentials(() -> TOKEN), WAIT);

			CommException failure = catchThrowableOfType(CommException.class,
					() -> refused.request("auth.whoami", "", String.class));
			assertThat(failure).hasMessageContaining("wrong token");
			assertThat(admitted.request("auth.whoami", "", String.class)).isEqualTo("service:auth-client");
			assertThat(secured.handlers.calls).hasValue(1);
		}
	}

	@Test
	default void aRefusedPeersMessagesNeverReachAHandler() throws Exception {
		assumeTrue(authenticatesOnConnect(), "the broker authenticates");
		try (Secured secured = Secured.start(this, Secured::tokenChecker);
				RawPeer raw = openAuthRawPeer(secured.listener.address())) {
			// the request follows the hello at once, before the listener has answered it:
			// closed, whether the link sees it before or after the refusal
			raw.send(Hello.client("raw-client", Set.of(), Hello.bearer("guess")));
			try {
				raw.send(new MessageFrame(
						new Metadata("00000000000000000000000000000001", MessageType.REQUEST, "auth.whoami", Map.of()),
						"\"\"".getBytes(StandardCharsets.UTF_8)));
			}
			catch (Exception closedFirst) {
				// the listener refused and closed before the request went out: closed all
				// the same
			}

			assertThat(raw.awaitClosed(WAIT)).isTrue();
			assertThat(secured.handlers.calls).hasValue(0);
		}
	}

	@Test
	default void withoutATokenOrWhenTheAuthenticatorFailsThePeerLearnsNothingMore() throws Exception {
		assumeTrue(authenticatesOnConnect(), "the broker authenticates");
		try (Secured secured = Secured.start(this, (handshake) -> {
			if (handshake.token().isPresent()) {
				throw new IllegalStateException("the identity provider is down");
			}
			return null;
		})) {
			for (Hello hello : List.of(Hello.client("raw-client", Set.of()),
					Hello.client("raw-client", Set.of(), Hello.bearer(TOKEN)))) {
				try (RawPeer raw = openAuthRawPeer(secured.listener.address())) {
					raw.send(hello);

					assertThat(raw.receive(WAIT)).isInstanceOfSatisfying(Refusal.class,
							(refusal) -> assertThat(refusal.reason()).isEqualTo("not authenticated"));
					assertThat(raw.awaitClosed(WAIT)).isTrue();
				}
			}
		}
	}

	/** A listener with an authenticator, and a node to dial it from. */
	final class Secured implements AutoCloseable {

		final List<CommHandshake> handshakes = new CopyOnWriteArrayList<>();

		final WhoAmI handlers = new WhoAmI();

		final CommTestNode server;

		final CommTestNode client;

		final DefaultCommListener listener;

		private final ExecutorService authenticatorThreads = Executors.newCachedThreadPool();

		private Secured(AuthenticationContract contract, CommAuthenticator authenticator) {
			this.server = contract.authNodeBuilder().handlers(this.handlers).build();
			CommAuthenticator recording = (handshake) -> {
				this.handshakes.add(handshake);
				return authenticator.authenticate(handshake);
			};
			String uri = contract.authListenUri();
			this.listener = this.server.listen(uri, new AuthenticatorAdmission(recording, this.authenticatorThreads,
					"test", CommAddress.parse(uri).scheme()));
			this.client = contract.authNodeBuilder().clientId("auth-client").build();
		}

		static Secured start(AuthenticationContract contract, CommAuthenticator authenticator) {
			return new Secured(contract, authenticator);
		}

		static Principal tokenChecker(CommHandshake handshake) {
			if (!handshake.token().equals(Optional.of(TOKEN))) {
				throw new CommAuthenticationException("wrong token");
			}
			return () -> "service:" + handshake.clientId();
		}

		@Override
		public void close() {
			this.client.close();
			this.server.close();
			this.authenticatorThreads.shutdownNow();
		}

	}

	final class WhoAmI {

		final AtomicInteger calls = new AtomicInteger();

		@CommHandler("auth.whoami")
		String whoami(String ignored, CommPeer peer) {
			this.calls.incrementAndGet();
			return peer.principal().getName();
		}

	}

}
