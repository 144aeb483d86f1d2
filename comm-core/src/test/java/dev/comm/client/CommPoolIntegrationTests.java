package dev.comm.client;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.comm.CommConnectionLostException;
import dev.comm.handler.CommHandler;
import dev.comm.testing.CommTestNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * A connector pool over three real servers on unix sockets: how each strategy spreads
 * calls, how a stopped member is skipped and comes back, and broadcasts and throws to
 * every member.
 */
class CommPoolIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	@TempDir
	Path directory;

	private final CommTestNode[] servers = new CommTestNode[3];

	private final List<CommTestNode> nodes = new ArrayList<>();

	@AfterEach
	void closeNodes() {
		for (CommTestNode node : this.servers) {
			if (node != null) {
				node.close();
			}
		}
		this.nodes.forEach(CommTestNode::close);
	}

	@Test
	void roundRobinSendsToEachLiveServerInTurn() {
		CommPool pool = poolOverThreeServers(new RoundRobinStrategy());

		Map<String, Integer> counts = count(pool, 30);

		assertThat(counts).containsOnly(Map.entry("server-0", 10), Map.entry("server-1", 10),
				Map.entry("server-2", 10));
	}

	@Test
	void randomReachesEveryLiveServer() {
		CommPool pool = poolOverThreeServers(new RandomStrategy());

		// missing one of three servers in 90 random picks has a chance of about 1e-15
		assertThat(count(pool, 90)).containsOnlyKeys("server-0", "server-1", "server-2");
	}

	@Test
	void roundRobinSkipsAStoppedServerWithoutFailingAndUsesItAgainAfterRestart() {
		skipsAStoppedServerAndUsesItAgainAfterRestart(new RoundRobinStrategy());
	}

	@Test
	void randomSkipsAStoppedServerWithoutFailingAndUsesItAgainAfterRestart() {
		skipsAStoppedServerAndUsesItAgainAfterRestart(new RandomStrategy());
	}

	private void skipsAStoppedServerAndUsesItAgainAfterRestart(PoolStrategy strategy) {
		CommPool pool = poolOverThreeServers(strategy);
		this.servers[1].close();
		this.servers[1] = null;
		await("the pool to see the stopped server go").until(() -> pool.memberIds().size() == 2);

		// every request succeeds: none goes to the stopped server
		assertThat(count(pool, 30)).containsOnlyKeys("server-0", "server-2");

		startServer(1);
		await("the restarted server to rejoin").until(() -> pool.memberIds().size() == 3);
		assertThat(count(pool, 90)).containsOnlyKeys("server-0", "server-1", "server-2");
	}

	@Test
	void aStrategyThatHandsBackAMemberItWasNotGivenFailsTheCallNamingIt() {
		PoolMember madeUp = new PoolMember() {

			@Override
			public String id() {
				return "made-up";
			}

			@Override
			public boolean isLive() {
				return true;
			}

			@Override
			public String toString() {
				return "made-up member";
			}

		};
		CommPool pool = poolOverThreeServers((live) -> madeUp);

		assertThatIllegalStateException().isThrownBy(() -> pool.request("whoami", null, String.class))
			.withMessageContaining("chose made-up member, which is not a live member of pool");
		assertThat(pool.members()).extracting(PoolMember::id).containsExactly(uri(0), uri(1), uri(2));
	}

	@Test
	void broadcastGathersEveryMembersOutcomeIncludingADisconnectedOne() {
		CommPool pool = poolOverThreeServers(new RoundRobinStrategy());
		this.servers[2].close();
		this.servers[2] = null;
		await("the pool to see the stopped server go").until(() -> pool.memberIds().size() == 2);

		List<CommReply<String>> replies = pool.broadcast("whoami", null, String.class);

		assertThat(replies).hasSize(3);
		assertThat(replies).filteredOn(CommReply::isSuccess)
			.extracting(CommReply::value)
			.containsExactly("server-0", "server-1");
		assertThat(replies.get(2).memberId()).isEqualTo(uri(2));
		assertThat(replies.get(2).error()).isInstanceOf(CommConnectionLostException.class);
	}

	@Test
	void sendAllThrowsToEveryMember() throws Exception {
		CountDownLatch received = new CountDownLatch(3);
		for (int i = 0; i < 3; i++) {
			this.servers[i] = CommTestNode.builder().handlers(new ServerHandlers("server-" + i, received)).build();
			this.servers[i].listen(uri(i));
		}
		CommPool pool = client().pool(new RoundRobinStrategy(), TIMEOUT, uri(0), uri(1), uri(2));
		await("all members to connect").until(() -> pool.memberIds().size() == 3);

		List<CommReply<Void>> sent = pool.sendAll("note", "hello");

		assertThat(sent).allMatch(CommReply::isSuccess).hasSize(3);
		assertThat(received.await(10, TimeUnit.SECONDS)).isTrue();
	}

	@Test
	void poolWithNoLiveMemberTimesOutInsteadOfHanging() {
		CommPool pool = client().pool(new RoundRobinStrategy(), Duration.ofMillis(300), uri(0), uri(1));

		assertThat(catchTimeout(() -> pool.request("whoami", null, String.class)))
			.isInstanceOf(dev.comm.CommTimeoutException.class)
			.hasMessageContaining("test-pool");
	}

	@Test
	void poolCallWaitingForAMemberIsServedWhenOneConnects() throws Exception {
		// far longer than the test's ceiling: only the member's arrival can answer it
		CommPool pool = client().pool(new RoundRobinStrategy(), Duration.ofMinutes(5), uri(0), uri(1));
		CompletableFuture<String> answer = pool.requestAsync("whoami", null, String.class);
		assertThat(answer).isNotDone();

		startServer(1);

		assertThat(answer.get(30, TimeUnit.SECONDS)).isEqualTo("server-1");
	}

	private static Throwable catchTimeout(Supplier<String> call) {
		try {
			call.get();
			return null;
		}
		catch (RuntimeException ex) {
			return ex;
		}
	}

	private CommPool poolOverThreeServers(PoolStrategy strategy) {
		for (int i = 0; i < 3; i++) {
			startServer(i);
		}
		CommPool pool = client().pool(strategy, TIMEOUT, uri(0), uri(1), uri(2));
		await("all members to connect").until(() -> pool.memberIds().size() == 3);
		return pool;
	}

	private void startServer(int i) {
		this.servers[i] = CommTestNode.builder().handlers(new ServerHandlers("server-" + i, null)).build();
		this.servers[i].listen(uri(i));
	}

	private CommTestNode client() {
		CommTestNode client = CommTestNode.builder().clientId("pool-client").build();
		this.nodes.add(client);
		return client;
	}

	private String uri(int i) {
		return "unix://" + this.directory.resolve("server-" + i + ".sock");
	}

	private static Map<String, Integer> count(CommPool pool, int requests) {
		Map<String, Integer> counts = new HashMap<>();
		for (int i = 0; i < requests; i++) {
			counts.merge(pool.request("whoami", null, String.class), 1, Integer::sum);
		}
		return counts;
	}

	static class ServerHandlers {

		private final String name;

		private final CountDownLatch notes;

		ServerHandlers(String name, CountDownLatch notes) {
			this.name = name;
			this.notes = notes;
		}

		@CommHandler("whoami")
		String whoami() {
			return this.name;
		}

		@CommHandler("note")
		void note(String text) {
			this.notes.countDown();
		}

	}

}
