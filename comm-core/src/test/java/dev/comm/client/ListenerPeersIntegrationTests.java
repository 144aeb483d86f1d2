package dev.comm.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.comm.CommErrorKind;
import dev.comm.CommRemoteException;
import dev.comm.CommTimeoutException;
import dev.comm.endpoint.CommListener;
import dev.comm.endpoint.PeerInfo;
import dev.comm.endpoint.PeerListener;
import dev.comm.handler.CommHandler;
import dev.comm.internal.server.DefaultCommListener;
import dev.comm.testing.CommTestNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The server side of a listener calling its peers: one by client id, a random one, all of
 * them with gathered replies; a handler calling its caller back; and the notices of peers
 * connecting and leaving. Over real TCP sockets.
 */
class ListenerPeersIntegrationTests {

	private final CountDownLatch release = new CountDownLatch(1);

	private final List<CommTestNode> nodes = new ArrayList<>();

	private final List<String> notices = new CopyOnWriteArrayList<>();

	private CommTestNode server;

	private DefaultCommListener listener;

	@BeforeEach
	void startServer() {
		this.server = CommTestNode.builder().clientId("server").handlers(new ServerHandlers()).build();
		this.listener = this.server.listen("tcp://127.0.0.1:0");
		this.listener.addPeerListener(new PeerListener() {

			@Override
			public void peerConnected(CommListener listener, PeerInfo peer) {
				ListenerPeersIntegrationTests.this.notices.add("connected " + peer.clientId());
			}

			@Override
			public void peerDisconnected(CommListener listener, PeerInfo peer) {
				ListenerPeersIntegrationTests.this.notices.add("disconnected " + peer.clientId());
			}

		});
	}

	@AfterEach
	void closeNodes() {
		this.release.countDown();
		this.nodes.forEach(CommTestNode::close);
		this.server.close();
	}

	@Test
	void serverRequestsOnePeerByItsClientId() {
		CommPool peers = this.server.peers(this.listener, Duration.ofSeconds(5));
		startPeers("worker-1", "worker-2", "worker-3");

		assertThat(peers.member("worker-2").request("status", null, String.class)).isEqualTo("worker-2 idle");
		assertThat(peers.member("worker-3").request("status", null, String.class)).isEqualTo("worker-3 idle");
	}

	@Test
	void requestToAPeerThatHasNotConnectedYetWaitsForIt() throws Exception {
		CommPool peers = this.server.peers(this.listener, Duration.ofSeconds(5));
		CompletableFuture<String> answer = peers.member("late").requestAsync("status", null, String.class);

		startPeers("late");

		assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo("late idle");
	}

	@Test
	void requestToAClientIdThatNeverConnectsTimesOut() {
		CommPool peers = this.server.peers(this.listener, Duration.ofMillis(300));
		startPeers("worker-1");

		assertThatExceptionOfType(CommTimeoutException.class)
			.isThrownBy(() -> peers.member("nobody").request("status", null, String.class))
			.withMessageContaining("nobody");
	}

	@Test
	void serverRequestsARandomLivePeer() {
		CommPool peers = this.server.peers(this.listener, Duration.ofSeconds(5));
		startPeers("worker-1", "worker-2");

		List<String> answers = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			answers.add(peers.request("status", null, String.class));
		}

		assertThat(answers).containsOnly("worker-1 idle", "worker-2 idle").contains("worker-1 idle", "worker-2 idle");
	}

	@Test
	void broadcastToFivePeersGathersValuesATimeoutAndATypedError() {
		CommPool peers = this.server.peers(this.listener, Duration.ofSeconds(1));
		startPeers("worker-1", "worker-2", "worker-3", "slow", "broken");

		List<CommReply<String>> replies = peers.broadcast("status", null, String.class);

		assertThat(replies).hasSize(5);
		assertThat(replies).filteredOn(CommReply::isSuccess)
			.extracting(CommReply::value)
			.containsExactlyInAnyOrder("worker-1 idle", "worker-2 idle", "worker-3 idle");
		assertThat(outcomeOf(replies, "slow").error()).isInstanceOf(CommTimeoutException.class);
		assertThat(outcomeOf(replies, "broken").error()).isInstanceOfSatisfying(CommRemoteException.class,
				(ex) -> assertThat(ex.getKind()).isEqualTo(CommErrorKind.HANDLER_FAILED));
	}

	@Test
	void throwToEveryPeerReachesEachOfThem() throws Exception {
		CommPool peers = this.server.peers(this.listener, Duration.ofSeconds(5));
		List<PeerHandlers> handlers = startPeers("worker-1", "worker-2");

		assertThat(peers.sendAll("note", "hello")).hasSize(2).allMatch(CommReply::isSuccess);
		for (PeerHandlers peer : handlers) {
			assertThat(peer.noted.await(10, TimeUnit.SECONDS)).isTrue();
		}
	}

	@Test
	void handlerAsksItsCallerBeforeReplying() {
		CommTestNode worker = node("worker-9");
		CommClient comm = worker.connect(this.listener.address().toString(), Duration.ofSeconds(5));

		assertThat(comm.request("work", 3, String.class)).isEqualTo("worker-9 at 127.0.0.1 confirmed 3 -> 6");
	}

	@Test
	void peerConnectAndDisconnectNoticesCarryTheClientIds() {
		CommTestNode worker = node("worker-5");
		CommPool peers = this.server.peers(this.listener, Duration.ofSeconds(5));
		worker.connect(this.listener.address().toString(), Duration.ofSeconds(5));
		await("the worker to connect").until(() -> peers.memberIds().contains("worker-5"));

		worker.close();
		this.nodes.remove(worker);
		await("the disconnect notice").until(() -> this.notices.contains("disconnected worker-5"));

		assertThat(this.notices).containsExactly("connected worker-5", "disconnected worker-5");
		assertThat(peers.memberIds()).isEmpty();
	}

	@Test
	void withSessionsOffThePeersAreTheOpenLinks() {
		try (CommTestNode plain = CommTestNode.builder().clientId("plain-server").sessions(Duration.ZERO, 1).build()) {
			DefaultCommListener plainListener = plain.listen("tcp://127.0.0.1:0");
			CommPool peers = plain.peers(plainListener, Duration.ofMillis(500));
			CommTestNode first = node("worker-1");
			node("worker-2");
			first.connector(plainListener.address().toString());
			this.nodes.get(1).connector(plainListener.address().toString());
			await("both peers to connect").until(() -> peers.memberIds().size() == 2);

			assertThat(peers.broadcast("status", null, String.class)).extracting(CommReply::value)
				.containsExactlyInAnyOrder("worker-1 idle", "worker-2 idle");

			first.close();
			this.nodes.remove(first);
			await("the first peer to leave").until(() -> peers.memberIds().equals(List.of("worker-2")));
			assertThat(peers.broadcast("status", null, String.class)).extracting(CommReply::value)
				.containsExactly("worker-2 idle");
			assertThatExceptionOfType(CommTimeoutException.class)
				.isThrownBy(() -> peers.member("worker-1").request("status", null, String.class));
		}
	}

	private static CommReply<String> outcomeOf(List<CommReply<String>> replies, String memberId) {
		return replies.stream().filter((reply) -> reply.memberId().equals(memberId)).findFirst().orElseThrow();
	}

	private List<PeerHandlers> startPeers(String... clientIds) {
		List<PeerHandlers> handlers = new ArrayList<>();
		for (String clientId : clientIds) {
			PeerHandlers peer = new PeerHandlers(clientId, this.release);
			handlers.add(peer);
			CommTestNode node = CommTestNode.builder().clientId(clientId).handlers(peer).build();
			this.nodes.add(node);
			node.connector(this.listener.address().toString());
		}
		CommPool peers = this.server.peers(this.listener, Duration.ofSeconds(1));
		await("the peers to connect").until(() -> peers.memberIds().containsAll(List.of(clientIds)));
		return handlers;
	}

	private CommTestNode node(String clientId) {
		CommTestNode node = CommTestNode.builder()
			.clientId(clientId)
			.handlers(new PeerHandlers(clientId, this.release))
			.build();
		this.nodes.add(node);
		return node;
	}

	static class ServerHandlers {

		@CommHandler("work")
		String work(int amount, CommPeer caller) {
			// asks the caller over the same link while
			// the caller still waits for this reply
			String confirmation = caller.request("confirm", amount, String.class);
			String host = caller.remoteAddress().contains("127.0.0.1") ? "127.0.0.1" : caller.remoteAddress();
			return caller.clientId() + " at " + host + " " + confirmation + " -> " + (amount * 2);
		}

	}

	static class PeerHandlers {

		private final String clientId;

		private final CountDownLatch release;

		final CountDownLatch noted = new CountDownLatch(1);

		PeerHandlers(String clientId, CountDownLatch release) {
			this.clientId = clientId;
			this.release = release;
		}

		@CommHandler("status")
		String status() throws InterruptedException {
			if (this.clientId.equals("slow")) {
				this.release.await(10, TimeUnit.SECONDS);
			}
			if (this.clientId.equals("broken")) {
				throw new IllegalStateException("disk full");
			}
			return this.clientId + " idle";
		}

		@CommHandler("confirm")
		String confirm(int amount) {
			return "confirmed " + amount;
		}

		@CommHandler("note")
		void note(String text) {
			this.noted.countDown();
		}

	}

}
