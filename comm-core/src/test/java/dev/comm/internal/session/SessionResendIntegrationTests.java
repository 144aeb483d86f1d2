package dev.comm.internal.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.comm.client.CommClient;
import dev.comm.handler.CommHandler;
import dev.comm.internal.client.DefaultCommConnector;
import dev.comm.testing.CommTestNode;
import dev.comm.testing.SeverableTcpProxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a cut keeps from the other side is sent again on the next link, once: a proxy
 * holds the bytes of one direction and is then severed, so that they are lost for sure.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SessionResendIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@Test
	void requestsAndThrowsTheServerNeverReadAreSentAgainOnTheNextLink() throws Exception {
		try (Fixture fixture = new Fixture()) {
			fixture.proxy.hold(true, false);
			for (int i = 0; i < 50; i++) {
				fixture.comm.send("resend.note", "t-" + i);
			}
			List<CompletableFuture<String>> replies = fixture.requests(5);
			// the proxy has read them by now, and the server has not
			Thread.sleep(300);
			assertThat(fixture.handlers.runs).isEmpty();
			fixture.proxy.sever();
			fixture.proxy.hold(false, false);

			for (CompletableFuture<String> reply : replies) {
				assertThat(reply).succeedsWithin(TIMEOUT);
			}
			await().atMost(TIMEOUT).until(() -> fixture.handlers.runs.size() == 55);
			assertThat(fixture.handlers.runs.values()).allSatisfy((runs) -> assertThat(runs).hasValue(1));
			assertThat(fixture.connector.lostMessages()).isZero();
		}
	}

	@Test
	void repliesTheClientNeverReadAreSentAgainAndNoHandlerRunsTwice() throws Exception {
		try (Fixture fixture = new Fixture()) {
			fixture.proxy.hold(false, true);
			List<CompletableFuture<String>> replies = fixture.requests(5);
			await().atMost(TIMEOUT).until(() -> fixture.handlers.runs.size() == 5);
			// the replies wait in the proxy
			Thread.sleep(300);
			assertThat(replies).allSatisfy((reply) -> assertThat(reply).isNotDone());
			fixture.proxy.sever();
			fixture.proxy.hold(false, false);

			for (int i = 0; i < replies.size(); i++) {
				assertThat(replies.get(i)).succeedsWithin(TIMEOUT).isEqualTo("r-" + i);
			}
			assertThat(fixture.handlers.runs.values()).allSatisfy((runs) -> assertThat(runs).hasValue(1));
		}
	}

	/** A server with sessions, reached through a proxy, and a connected client. */
	private static final class Fixture implements AutoCloseable {

		final Counting handlers = new Counting();

		final CommTestNode server = CommTestNode.builder()
			.clientId("resend-server")
			.handlers(this.handlers)
			.sessions(Duration.ofSeconds(30), 1000)
			.build();

		final CommTestNode client = CommTestNode.builder().clientId("resend-client").build();

		final SeverableTcpProxy proxy;

		final DefaultCommConnector connector;

		final CommClient comm;

		Fixture() throws Exception {
			this.proxy = new SeverableTcpProxy(this.server.listen("tcp://127.0.0.1:0").address().port());
			this.connector = this.client.connector(this.proxy.uri());
			this.comm = this.client.client(this.connector, TIMEOUT);
			assertThat(this.comm.request("resend.ready", "", String.class)).isEqualTo("ready");
		}

		List<CompletableFuture<String>> requests(int count) {
			List<CompletableFuture<String>> replies = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				replies.add(this.comm.requestAsync("resend.work", "r-" + i, String.class));
			}
			return replies;
		}

		@Override
		public void close() throws Exception {
			this.proxy.close();
			this.client.close();
			this.server.close();
		}

	}

	static final class Counting {

		final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();

		@CommHandler("resend.ready")
		String ready(String ignored) {
			return "ready";
		}

		@CommHandler("resend.work")
		String work(String id) {
			this.runs.computeIfAbsent(id, (key) -> new AtomicInteger()).incrementAndGet();
			return id;
		}

		@CommHandler("resend.note")
		void note(String id) {
			this.runs.computeIfAbsent(id, (key) -> new AtomicInteger()).incrementAndGet();
		}

	}

}
