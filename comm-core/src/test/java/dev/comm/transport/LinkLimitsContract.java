package dev.comm.transport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;

import dev.comm.address.CommAddress;
import dev.comm.auth.CommAuthenticationException;
import dev.comm.handler.CommHandler;
import dev.comm.internal.auth.AuthenticatorAdmission;
import dev.comm.internal.auth.TokenCredentials;
import dev.comm.internal.client.DefaultCommConnector;
import dev.comm.internal.server.DefaultCommListener;
import dev.comm.protocol.ControlFrame;
import dev.comm.protocol.Features;
import dev.comm.protocol.Frame;
import dev.comm.protocol.Hello;
import dev.comm.protocol.Refusal;
import dev.comm.testing.CommTestNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A listener's bounds on its links over a transport: beyond the links per listener, and
 * beyond the links per client id, a peer is refused at its hello with a reason that names
 * the limit, a comm connector keeps retrying, and a link that closes frees its slot.
 * Every transport's contract test implements this interface; over a broker there is no
 * hello to refuse, and the contract does not apply.
 */
interface LinkLimitsContract {

	Duration WAIT = Duration.ofSeconds(10);

	String PER_LISTENER = "comm.limits.links-per-listener";

	String PER_CLIENT_ID = "comm.limits.links-per-client-id";

	/**
	 * A new listen address for the transport under test.
	 * @return the URI
	 */
	String limitsListenUri();

	/**
	 * A node builder with what the transport under test needs.
	 * @return the builder
	 */
	CommTestNode.Builder limitsNodeBuilder();

	/**
	 * Connect below the link layer.
	 * @param address a bound listener address
	 * @return the raw peer
	 */
	RawPeer openLimitsRawPeer(CommAddress address) throws Exception;

	/**
	 * Whether the listener bounds its links itself; {@code false} over a broker.
	 * @return whether the contract applies
	 */
	default boolean limitsLinksOnConnect() {
		return true;
	}

	@Test
	default void aListenerAtItsLimitRefusesTheNextPeerNamingTheLimitUntilOneOfItsLinksCloses() throws Exception {
		assumeTrue(limitsLinksOnConnect(), "the broker bounds the connections");
		try (CommTestNode server = limitsNodeBuilder().handlers(new Echo()).linkLimits(3, 0).build();
				CommTestNode client = limitsNodeBuilder().clientId("limited").build()) {
			DefaultCommListener listener = server.listen(limitsListenUri());
			String address = listener.address().toString();
			List<DefaultCommConnector> admitted = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				DefaultCommConnector connector = client.connector(address);
				assertThat(echo(client, connector, "hi")).isEqualTo("hi");
				admitted.add(connector);
			}

			DefaultCommConnector fourth = client.connector(address);
			await().atMost(WAIT)
				.untilAsserted(
						() -> assertThat(fourth.status().lastFailure()).contains("limit of 3 links", PER_LISTENER));
			assertThat(fourth.isConnected()).isFalse();
			try (RawPeer raw = openLimitsRawPeer(listener.address())) {
				raw.send(Hello.client("raw-client", Set.of()));
				assertThat(raw.receive(WAIT)).isInstanceOfSatisfying(Refusal.class,
						(refusal) -> assertThat(refusal.reason()).contains(PER_LISTENER));
				assertThat(raw.awaitClosed(WAIT)).isTrue();
			}
			assertThat(listener.getLinks()).hasSize(3);

			admitted.get(0).stop();
			// the refused connector gets in on one of its retries
			assertThat(echo(client, fourth, "in")).isEqualTo("in");
			await().atMost(WAIT).untilAsserted(() -> assertThat(listener.getLinks()).hasSize(3));
		}
	}

	@Test
	default void concurrentConnectsBeyondTheLimitAdmitExactlyTheLimit() {
		assumeTrue(limitsLinksOnConnect(), "the broker bounds the connections");
		try (CommTestNode server = limitsNodeBuilder().handlers(new Echo()).linkLimits(10, 0).build();
				CommTestNode client = limitsNodeBuilder().clientId("crowd").build()) {
			DefaultCommListener listener = server.listen(limitsListenUri());
			String address = listener.address().toString();
			List<DefaultCommConnector> connectors = new ArrayList<>();
			// each start only begins to dial, so the 50 handshakes race at the listener
			for (int i = 0; i < 50; i++) {
				connectors.add(client.connector(address));
			}

			await().atMost(WAIT).untilAsserted(() -> {
				long connected = connectors.stream().filter(DefaultCommConnector::isConnected).count();
				long refused = connectors.stream()
					.filter((connector) -> !connector.isConnected() && connector.status().lastFailure() != null
							&& connector.status().lastFailure().contains(PER_LISTENER))
					.count();
				assertThat(connected + refused).isEqualTo(50);
			});
			assertThat(connectors.stream().filter(DefaultCommConnector::isConnected)).hasSize(10);
			assertThat(listener.getLinks()).hasSize(10);
		}
	}

	@Test
	default void aClientIdAtItsLimitIsRefusedNamingTheLimitWhileAnotherClientIdIsAdmitted() {
		assumeTrue(limitsLinksOnConnect(), "the broker bounds the connections");
		try (CommTestNode server = limitsNodeBuilder().handlers(new Echo()).linkLimits(0, 2).build();
				CommTestNode alpha = limitsNodeBuilder().clientId("alpha").build();
				CommTestNode beta = limitsNodeBuilder().clientId("beta").build()) {
			DefaultCommListener listener = server.listen(limitsListenUri());
			String address = listener.address().toString();
			DefaultCommConnector first = alpha.connector(address);
			assertThat(echo(alpha, first, "one")).isEqualTo("one");
			assertThat(echo(alpha, alpha.connector(address), "two")).isEqualTo("two");

			DefaultCommConnector third = alpha.connector(address);
			await().atMost(WAIT)
				.untilAsserted(() -> assertThat(third.status().lastFailure()).contains("'alpha'", "limit of 2",
						PER_CLIENT_ID));
			assertThat(echo(beta, beta.connector(address), "b")).isEqualTo("b");
			assertThat(echo(beta, beta.connector(address), "b2")).isEqualTo("b2");
			assertThat(third.isConnected()).isFalse();

			first.stop();
			assertThat(echo(alpha, third, "three")).isEqualTo("three");
			await().atMost(WAIT)
				.untilAsserted(() -> assertThat(listener.getLinks()).extracting((link) -> link.peerClientId())
					.containsExactlyInAnyOrder("alpha", "alpha", "beta", "beta"));
		}
	}

	@Test
	default void behindAnAuthenticatorTheClientIdLimitCountsOnlyAdmittedPeers() throws Exception {
		assumeTrue(limitsLinksOnConnect(), "the broker bounds the connections");
		ExecutorService authenticatorThreads = Executors.newCachedThreadPool();
		try (CommTestNode server = limitsNodeBuilder().handlers(new Echo()).linkLimits(0, 1).build();
				CommTestNode client = limitsNodeBuilder().clientId("alpha").build()) {
			String uri = limitsListenUri();
			DefaultCommListener listener = server.listen(uri, new AuthenticatorAdmission((handshake) -> {
				if (!handshake.token().equals(Optional.of("good"))) {
					throw new CommAuthenticationException("wrong token");
				}
				return () -> handshake.clientId();
			}, authenticatorThreads, "test", CommAddress.parse(uri).scheme()));
			String address = listener.address().toString();
			// refused by the authenticator first: it takes no slot of its client id
			DefaultCommConnector guessing = client.connector(address, new TokenCredentials(() -> "guess"));
			await().atMost(WAIT)
				.untilAsserted(() -> assertThat(guessing.status().lastFailure()).contains("wrong token"));
			DefaultCommConnector admitted = client.connector(address, new TokenCredentials(() -> "good"));
			assertThat(echo(client, admitted, "in")).isEqualTo("in");

			DefaultCommConnector second = client.connector(address, new TokenCredentials(() -> "good"));
			await().atMost(WAIT).untilAsserted(() -> assertThat(second.status().lastFailure()).contains(PER_CLIENT_ID));
			try (RawPeer raw = openLimitsRawPeer(listener.address())) {
				raw.send(Hello.client("alpha", Set.of(), Hello.bearer("guess")));
				assertThat(raw.receive(WAIT)).isInstanceOfSatisfying(Refusal.class,
						(refusal) -> assertThat(refusal.reason()).isEqualTo("wrong token"));
			}
			assertThat(guessing.isConnected()).isFalse();
		}
		finally {
			authenticatorThreads.shutdownNow();
		}
	}

	@Test
	default void aClientIdAtItsLimitGetsInInPlaceOfItsLinkThatLeftAPingUnanswered() throws Exception {
		assumeTrue(limitsLinksOnConnect(), "the broker bounds the connections");
		try (CommTestNode server = limitsNodeBuilder().handlers(new Echo())
			.linkLimits(0, 1)
			.heartbeatInterval(Duration.ofSeconds(1))
			.build(); CommTestNode client = limitsNodeBuilder().clientId("comeback").build()) {
			DefaultCommListener listener = server.listen(limitsListenUri());
			try (RawPeer gone = openLimitsRawPeer(listener.address())) {
				// a link whose peer vanished without the transport noticing: it said
				// hello
				// and then answers nothing
				gone.send(Hello.client("comeback", Set.of(Features.HEARTBEAT)));
				assertThat(gone.receive(WAIT)).isInstanceOf(Hello.class);
				assertThat(gone.receive(WAIT)).isEqualTo(ControlFrame.PING);

				DefaultCommConnector back = client.connector(listener.address().toString());
				assertThat(echo(client, back, "back")).isEqualTo("back");
				// told with a close notify, which a link given up for its silence never
				// sends: the listener replaced it rather than waiting out the heartbeat
				assertThat(closedWithCloseNotify(gone)).isTrue();
			}
		}
	}

	/** Skips pings; {@code false} when the connection closes without a close notify. */
	private static boolean closedWithCloseNotify(RawPeer raw) throws InterruptedException {
		while (true) {
			Frame frame;
			try {
				frame = raw.receive(WAIT);
			}
			catch (AssertionError closed) {
				return false;
			}
			if (frame == ControlFrame.CLOSE_NOTIFY) {
				return raw.awaitClosed(WAIT);
			}
		}
	}

	private static String echo(CommTestNode node, DefaultCommConnector connector, String text) {
		return node.client(connector, WAIT).request("limits.echo", text, String.class);
	}

	final class Echo {

		@CommHandler("limits.echo")
		String echo(String text) {
			return text;
		}

	}

}
