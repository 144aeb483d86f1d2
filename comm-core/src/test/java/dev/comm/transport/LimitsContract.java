package dev.comm.transport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.comm.CommErrorKind;
import dev.comm.CommRemoteException;
import dev.comm.client.CommClient;
import dev.comm.handler.CommHandler;
import dev.comm.internal.session.LinkLimits;
import dev.comm.testing.CommTestNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Per-link limits on the serving side over a transport: a link serves at most
 * {@code requests-in-flight} requests at once and answers one more with a busy fault at
 * once, and a receiver whose throw handlers are stuck stops reading, so that a fast
 * sender is slowed down instead of filling the receiver's memory. Every transport's
 * contract test implements this interface.
 */
interface LimitsContract {

	Duration WAIT = Duration.ofSeconds(10);

	/** Requests in flight per link in the request test. */
	int REQUESTS_IN_FLIGHT = 4;

	/** Unhandled throws per connection in the throw test. */
	int THROWS_IN_FLIGHT = 64;

	/**
	 * Throws that one read may decode after reading paused: a read buffer of at most 64
	 * KiB holds fewer than 64 throws of 1 KiB; twice that leaves room for TLS records.
	 */
	int READ_SLACK = 128;

	int THROWS = 200_000;

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
	 * Whether the transport bounds the throws it delivers and are not yet handled by
	 * {@code throws-in-flight}; a broker's prefetch bounds them instead.
	 * @return whether the throw test applies
	 */
	default boolean boundsUnhandledThrows() {
		return true;
	}

	@Test
	default void aRequestOverTheLinksLimitIsBusyAtOnceAndTheOthersComplete() throws Exception {
		Blocking handlers = new Blocking();
		try (CommTestNode server = limitsNodeBuilder().requestsInFlight(REQUESTS_IN_FLIGHT).handlers(handlers).build();
				CommTestNode client = limitsNodeBuilder().clientId("limits-client").build()) {
			String address = server.listen(limitsListenUri()).address().format();
			CommClient comm = client.connect(address, Duration.ofSeconds(30));
			List<CompletableFuture<String>> admitted = new ArrayList<>();
			for (int i = 0; i < REQUESTS_IN_FLIGHT; i++) {
				admitted.add(comm.requestAsync("limits.block", "r" + i, String.class));
			}
			await().atMost(WAIT).until(() -> handlers.entered.get() == REQUESTS_IN_FLIGHT);

			CommRemoteException busy = catchThrowableOfType(CommRemoteException.class,
					() -> comm.request("limits.block", "one too many", String.class));

			assertThat(busy.getKind()).isEqualTo(CommErrorKind.RESPONDER_FAULT);
			assertThat(busy.getCode()).isEqualTo(LinkLimits.BUSY_CODE);
			assertThat(busy.getRemoteMessage())
				.isEqualTo("busy: 4 requests in flight on this link (comm.limits.requests-in-flight)");
			assertThat(admitted).allSatisfy((call) -> assertThat(call).isNotDone());
			handlers.release.countDown();
			for (int i = 0; i < REQUESTS_IN_FLIGHT; i++) {
				assertThat(admitted.get(i)).succeedsWithin(WAIT).isEqualTo("r" + i);
			}
			assertThat(comm.request("limits.block", "after", String.class)).isEqualTo("after");
			assertThat(handlers.entered).hasValue(REQUESTS_IN_FLIGHT + 1);
		}
	}

	@Test
	default void aReceiverWithStuckThrowHandlersSlowsTheSenderAndLosesNothing() throws Exception {
		assumeTrue(boundsUnhandledThrows(), "the transport bounds unhandled throws its own way");
		Blocking handlers = new Blocking();
		try (CommTestNode server = limitsNodeBuilder().throwsInFlight(THROWS_IN_FLIGHT).handlers(handlers).build();
				CommTestNode client = limitsNodeBuilder().clientId("limits-sender").build()) {
			String address = server.listen(limitsListenUri()).address().format();
			// far longer than the test: a held-back sender must wait, not fail
			CommClient comm = client.connect(address, Duration.ofMinutes(5));
			byte[] kilobyte = new byte[1024];
			Arrays.fill(kilobyte, (byte) 'x');
			String payload = new String(kilobyte, java.nio.charset.StandardCharsets.US_ASCII);
			AtomicInteger sent = new AtomicInteger();
			CompletableFuture<Void> sender = CompletableFuture.runAsync(() -> {
				for (int i = 0; i < THROWS; i++) {
					comm.send("limits.sink", payload);
					sent.incrementAndGet();
				}
			}, (task) -> new Thread(task, "limits-sender").start());

			// the sender stops, held back, long before it is done: the receiver has
			// stopped reading and the socket buffers between them are full
			await().atMost(WAIT).until(() -> handlers.entered.get() >= THROWS_IN_FLIGHT);
			int heldAt = awaitStalled(sent);
			assertThat(heldAt).isLessThan(THROWS);
			assertThat(sender).isNotDone();
			assertThat(handlers.mostEntered.get()).isLessThanOrEqualTo(THROWS_IN_FLIGHT + READ_SLACK);

			handlers.release.countDown();
			assertThat(sender).succeedsWithin(Duration.ofMinutes(2));
			await().atMost(Duration.ofMinutes(2)).until(() -> handlers.left.get() == THROWS);
			assertThat(handlers.entered).hasValue(THROWS);
			assertThat(handlers.mostEntered.get()).isLessThanOrEqualTo(THROWS_IN_FLIGHT + READ_SLACK);
		}
	}

	/**
	 * Wait until the sender's count stays put while the receiver is stuck; sends that
	 * went on without bound would reach the end instead.
	 */
	private static int awaitStalled(AtomicInteger sent) throws InterruptedException {
		int last = -1;
		while (true) {
			int now = sent.get();
			if (now == last || now == THROWS) {
				return now;
			}
			last = now;
			// a pause for the count to move in, not a measure of anything
			TimeUnit.MILLISECONDS.sleep(500);
		}
	}

	/** Handlers that wait for the test to release them, and count who is inside. */
	final class Blocking {

		final CountDownLatch release = new CountDownLatch(1);

		final AtomicInteger entered = new AtomicInteger();

		final AtomicInteger left = new AtomicInteger();

		final AtomicInteger mostEntered = new AtomicInteger();

		@CommHandler("limits.block")
		String block(String value) throws InterruptedException {
			this.entered.incrementAndGet();
			awaitRelease();
			return value;
		}

		@CommHandler("limits.sink")
		void sink(String value) throws InterruptedException {
			int inside = this.entered.incrementAndGet() - this.left.get();
			this.mostEntered.accumulateAndGet(inside, Math::max);
			awaitRelease();
			this.left.incrementAndGet();
		}

		private void awaitRelease() throws InterruptedException {
			if (!this.release.await(WAIT.toMillis() * 12, TimeUnit.MILLISECONDS)) {
				throw new IllegalStateException("not released");
			}
		}

	}

}
