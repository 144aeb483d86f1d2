package dev.comm.transport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import dev.comm.CommConnectionLostException;
import dev.comm.CommErrorKind;
import dev.comm.CommException;
import dev.comm.CommRemoteException;
import dev.comm.CommStreamCancelledException;
import dev.comm.CommTimeoutException;
import dev.comm.RequesterFaultException;
import dev.comm.client.CommClient;
import dev.comm.handler.CommHandler;
import dev.comm.internal.client.DefaultCommConnector;
import dev.comm.internal.stream.StreamSettings;
import dev.comm.testing.CommTestNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Streams over a transport: handlers that answer with many items, credit-based
 * back-pressure, cancellation from both ends, errors, timeouts and the loss of the link.
 * Every transport's contract test implements this interface.
 */
interface StreamContract {

	Duration STREAM_AWAIT = Duration.ofSeconds(10);

	/** Small, so that the back-pressure test has little to fill. */
	int WINDOW = 16;

	/**
	 * A new listen address for the transport under test.
	 * @return the URI
	 */
	String streamListenUri();

	/**
	 * A node builder with what the transport under test needs.
	 * @return the builder
	 */
	CommTestNode.Builder streamNodeBuilder();

	/**
	 * Whether a peer's features come from its hello, so that a peer without streams is
	 * known before a stream request goes out; over a broker they are assumed.
	 * @return whether the transport has a hello
	 */
	default boolean streamPeersSayHello() {
		return true;
	}

	private static StreamSettings settings(int maxPerLink) {
		return new StreamSettings(WINDOW, Duration.ofSeconds(5), Duration.ofMinutes(5), maxPerLink);
	}

	@Test
	default void itemsArriveInOrderFromAnIteratorAStreamAndAFlux() throws Exception {
		StreamHandlers handlers = new StreamHandlers();
		try (CommTestNode server = streamNodeBuilder().handlers(handlers).streams(settings(8)).build();
				CommTestNode client = streamNodeBuilder().clientId("stream-order").streams(settings(8)).build()) {
			CommClient comm = client.connect(server.listen(streamListenUri()).address().format(), STREAM_AWAIT);
			List<Integer> expected = IntStream.range(0, 1000).boxed().toList();
			try (Stream<Integer> items = comm.requestStreamBlocking("stream.count", 1000, Integer.class)) {
				assertThat(items.toList()).isEqualTo(expected);
			}
			try (Stream<Integer> items = comm.requestStreamBlocking("stream.java", 1000, Integer.class)) {
				assertThat(items.toList()).isEqualTo(expected);
			}
			assertThat(Flux
				.from(org.reactivestreams.FlowAdapters
					.toPublisher(comm.requestStream("stream.flux", 1000, Integer.class)))
				.collectList()
				.block(STREAM_AWAIT)).isEqualTo(expected);
		}
	}

	@Test
	default void aCallerThatStopsRequestingHoldsTheResponderToTheWindow() throws Exception {
		StreamHandlers handlers = new StreamHandlers();
		try (CommTestNode server = streamNodeBuilder().handlers(handlers).streams(settings(8)).build();
				CommTestNode client = streamNodeBuilder().clientId("stream-credit").streams(settings(8)).build()) {
			CommClient comm = client.connect(server.listen(streamListenUri()).address().format(), STREAM_AWAIT);
			Probe probe = new Probe(1);
			comm.requestStream("stream.endless", null, Integer.class).subscribe(probe);
			assertThat(probe.items.poll(STREAM_AWAIT.toMillis(), TimeUnit.MILLISECONDS)).isZero();
			// the responder fills the window, then waits for credit that never comes
			long deadline = System.nanoTime() + STREAM_AWAIT.toNanos();
			while (handlers.pulled.get() < WINDOW && System.nanoTime() < deadline) {
				Thread.sleep(10);
			}
			Thread.sleep(300);
			assertThat(handlers.pulled.get()).isEqualTo(WINDOW);
			assertThat(probe.items).isEmpty();
			probe.subscription.request(WINDOW);
			deadline = System.nanoTime() + STREAM_AWAIT.toNanos();
			while (handlers.pulled.get() < WINDOW + WINDOW / 2 && System.nanoTime() < deadline) {
				Thread.sleep(10);
			}
			assertThat(handlers.pulled.get()).isBetween((long) WINDOW + WINDOW / 2, 2L * WINDOW);
			probe.subscription.cancel();
			assertThat(handlers.closed.await(STREAM_AWAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
		}
	}

	@Test
	default void aCallerThatNeverGrantsCreditAgainIsGivenUpAfterTheCreditTimeout() throws Exception {
		StreamHandlers handlers = new StreamHandlers();
		StreamSettings impatient = new StreamSettings(WINDOW, Duration.ofSeconds(5), Duration.ofMillis(300), 8);
		try (CommTestNode server = streamNodeBuilder().handlers(handlers).streams(impatient).build();
				CommTestNode client = streamNodeBuilder().clientId("stream-stingy").streams(settings(8)).build()) {
			CommClient comm = client.connect(server.listen(streamListenUri()).address().format(), STREAM_AWAIT);
			Probe probe = new Probe(1);
			comm.requestStream("stream.endless", null, Integer.class).subscribe(probe);
			assertThat(probe.items.poll(STREAM_AWAIT.toMillis(), TimeUnit.MILLISECONDS)).isZero();
			// the responder fills the window, waits for credit, then frees the stream
			assertThat(handlers.closed.await(STREAM_AWAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
			assertThat(handlers.pulled.get()).isEqualTo(WINDOW);
			probe.subscription.request(Long.MAX_VALUE);
			assertThat(probe.failure.poll(STREAM_AWAIT.toMillis(), TimeUnit.MILLISECONDS))
				.isInstanceOfSatisfying(CommRemoteException.class, (ex) -> {
					assertThat(ex.getKind()).isEqualTo(CommErrorKind.REQUESTER_FAULT);
					assertThat(ex.getRemoteMessage()).contains("comm.streams.credit-timeout");
				});
		}
	}

	@Test
	default void closingABlockingStreamCancelsTheHandlersSource() throws Exception {
		StreamHandlers handlers = new StreamHandlers();
		try (CommTestNode server = streamNodeBuilder().handlers(handlers).streams(settings(8)).build();
				CommTestNode client = streamNodeBuilder().clientId("stream-cancel").streams(settings(8)).build()) {
			CommClient comm = client.connect(server.listen(streamListenUri()).address().format(), STREAM_AWAIT);
			try (Stream<Integer> items = comm.requestStreamBlocking("stream.endless", null, Integer.class)) {
				assertThat(items.limit(5).toList()).containsExactly(0, 1, 2, 3, 4);
			}
			assertThat(handlers.closed.await(STREAM_AWAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
			// the link goes on serving
			assertThat(comm.request("stream.plain", "abc", Integer.class)).isEqualTo(3);
		}
	}

	@Test
	default void aHandlerThatCancelsEndsTheStreamWithCommStreamCancelledException() {
		StreamHandlers handlers = new StreamHandlers();
		try (CommTestNode server = streamNodeBuilder().handlers(handlers).streams(settings(8)).build();
				CommTestNode client = streamNodeBuilder().clientId("stream-gives-up").streams(settings(8)).build()) {
			CommClient comm = client.connect(server.listen(streamListenUri()).address().format(), STREAM_AWAIT);
			List<Integer> seen = new ArrayList<>();
			assertThatExceptionOfType(CommStreamCancelledException.class).isThrownBy(() -> {
				try (Stream<Integer> items = comm.requestStreamBlocking("stream.givesUp", 3, Integer.class)) {
					items.forEach(seen::add);
				}
			}).withMessageContaining("stream.givesUp");
			assertThat(seen).containsExactly(0, 1, 2);
		}
	}

	@Test
	default void anErrorMidStreamArrivesTypedAfterTheItemsBeforeIt() {
		StreamHandlers handlers = new StreamHandlers();
		try (CommTestNode server = streamNodeBuilder().handlers(handlers).streams(settings(8)).build();
				CommTestNode client = streamNodeBuilder().clientId("stream-error").streams(settings(8)).build()) {
			CommClient comm = client.connect(server.listen(streamListenUri()).address().format(), STREAM_AWAIT);
			List<Integer> seen = new ArrayList<>();
			assertThatExceptionOfType(CommRemoteException.class).isThrownBy(() -> {
				try (Stream<Integer> items = comm.requestStreamBlocking("stream.fails", 3, Integer.class)) {
					items.forEach(seen::add);
				}
			}).satisfies((ex) -> {
				assertThat(ex.getKind()).isEqualTo(CommErrorKind.REQUESTER_FAULT);
				assertThat(ex.getCode()).isEqualTo(7);
				assertThat(ex.getRemoteMessage()).isEqualTo("no more");
			});
			assertThat(seen).containsExactly(0, 1, 2);
		}
	}

	@Test
	default void losingTheLinkMidStreamEndsItWithConnectionLost() throws Exception {
		StreamHandlers handlers = new StreamHandlers();
		try (CommTestNode server = streamNodeBuilder().handlers(handlers).streams(settings(8)).build();
				CommTestNode client = streamNodeBuilder().clientId("stream-lost").streams(settings(8)).build()) {
			DefaultCommConnector connector = client.connector(server.listen(streamListenUri()).address().format());
			CommClient comm = client.client(connector, STREAM_AWAIT);
			Probe probe = new Probe(1);
			comm.requestStream("stream.endless", null, Integer.class).subscribe(probe);
			assertThat(probe.items.poll(STREAM_AWAIT.toMillis(), TimeUnit.MILLISECONDS)).isZero();
			connector.stop();
			assertThat(probe.failure.poll(STREAM_AWAIT.toMillis(), TimeUnit.MILLISECONDS))
				.isInstanceOf(CommConnectionLostException.class);
			if (streamPeersSayHello()) {
				// the responder's end of the link closed too, and freed the stream
				assertThat(handlers.closed.await(STREAM_AWAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
			}
		}
	}

	@Test
	default void aStreamWhoseFirstItemTakesTooLongTimesOut() {
		StreamHandlers handlers = new StreamHandlers();
		try (CommTestNode server = streamNodeBuilder().handlers(handlers).streams(settings(8)).build();
				CommTestNode client = streamNodeBuilder().clientId("stream-slow").streams(settings(8)).build()) {
			CommClient comm = client.connect(server.listen(streamListenUri()).address().format(), STREAM_AWAIT);
			assertThat(comm.request("stream.plain", "warm-up", Integer.class)).isEqualTo(7);
			try (Stream<Integer> items = comm.to("test")
				.withTimeout(Duration.ofMillis(300))
				.requestStreamBlocking("stream.silent", null, Integer.class)) {
				assertThatExceptionOfType(CommTimeoutException.class).isThrownBy(items::toList)
					.withMessageContaining("No first item");
			}
			finally {
				handlers.release.countDown();
			}
		}
	}

	@Test
	default void aStreamThatFallsSilentWhileTheCallerHasCreditTimesOutAfterTheIdleTimeout() throws Exception {
		StreamHandlers handlers = new StreamHandlers();
		StreamSettings impatient = new StreamSettings(WINDOW, Duration.ofSeconds(1), Duration.ofMinutes(5), 8);
		try (CommTestNode server = streamNodeBuilder().handlers(handlers).streams(settings(8)).build();
				CommTestNode client = streamNodeBuilder().clientId("stream-idle").streams(impatient).build()) {
			CommClient comm = client.connect(server.listen(streamListenUri()).address().format(), STREAM_AWAIT);
			assertThat(comm.request("stream.plain", "warm-up", Integer.class)).isEqualTo(7);
			Probe probe = new Probe(Long.MAX_VALUE);
			// a first-item timeout far beyond the wait below: only the idle timeout can
			// end it
			comm.to("test")
				.withTimeout(Duration.ofSeconds(60))
				.requestStream("stream.oneThenSilent", null, Integer.class)
				.subscribe(probe);
			assertThat(probe.items.poll(STREAM_AWAIT.toMillis(), TimeUnit.MILLISECONDS)).isZero();
			assertThat(probe.failure.poll(STREAM_AWAIT.toMillis(), TimeUnit.MILLISECONDS)).isInstanceOfSatisfying(
					CommTimeoutException.class,
					(ex) -> assertThat(ex.getMessage()).contains("stream.oneThenSilent", "comm.streams.idle-timeout"));
			assertThat(probe.items).isEmpty();
			// the caller's cancel reached the responder
			assertThat(handlers.closed.await(STREAM_AWAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
		}
	}

	@Test
	default void streamsBeyondTheLimitPerLinkEndWithARequesterFault() throws Exception {
		StreamHandlers handlers = new StreamHandlers();
		try (CommTestNode server = streamNodeBuilder().handlers(handlers).streams(settings(2)).build();
				CommTestNode client = streamNodeBuilder().clientId("stream-limit").streams(settings(2)).build()) {
			CommClient comm = client.connect(server.listen(streamListenUri()).address().format(), STREAM_AWAIT);
			List<Probe> open = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				Probe probe = new Probe(1);
				comm.requestStream("stream.endless", null, Integer.class).subscribe(probe);
				assertThat(probe.items.poll(STREAM_AWAIT.toMillis(), TimeUnit.MILLISECONDS)).isZero();
				open.add(probe);
			}
			Probe third = new Probe(1);
			comm.requestStream("stream.endless", null, Integer.class).subscribe(third);
			assertThat(third.failure.poll(STREAM_AWAIT.toMillis(), TimeUnit.MILLISECONDS))
				.isInstanceOfSatisfying(CommRemoteException.class, (ex) -> {
					assertThat(ex.getKind()).isEqualTo(CommErrorKind.REQUESTER_FAULT);
					assertThat(ex.getRemoteMessage()).contains("comm.streams.max-per-link");
				});
			open.forEach((probe) -> probe.subscription.cancel());
		}
	}

	@Test
	default void aPlainRequestToAStreamingRouteFailsAndAStreamRequestToAPlainRouteGetsOneItem() {
		StreamHandlers handlers = new StreamHandlers();
		try (CommTestNode server = streamNodeBuilder().handlers(handlers).streams(settings(8)).build();
				CommTestNode client = streamNodeBuilder().clientId("stream-mixed").streams(settings(8)).build()) {
			CommClient comm = client.connect(server.listen(streamListenUri()).address().format(), STREAM_AWAIT);
			assertThatExceptionOfType(CommRemoteException.class)
				.isThrownBy(() -> comm.request("stream.count", 3, Object.class))
				.satisfies((ex) -> assertThat(ex.getKind()).isEqualTo(CommErrorKind.REQUESTER_FAULT))
				.withMessageContaining("requestStream");
			try (Stream<Integer> items = comm.requestStreamBlocking("stream.plain", "abcd", Integer.class)) {
				assertThat(items.toList()).containsExactly(4);
			}
		}
	}

	@Test
	default void aStreamRequestToAPeerWithoutStreamsFailsAtOnce() {
		// over a broker, where no hello tells, the peer's plain answer to the stream
		// request does, well before the first item's timeout
		StreamHandlers handlers = new StreamHandlers();
		try (CommTestNode server = streamNodeBuilder().handlers(handlers).streams(null).build();
				CommTestNode client = streamNodeBuilder().clientId("stream-none").streams(settings(8)).build()) {
			CommClient comm = client.connect(server.listen(streamListenUri()).address().format(), STREAM_AWAIT);
			assertThat(comm.request("stream.plain", "ab", Integer.class)).isEqualTo(2);
			assertThatExceptionOfType(CommException.class).isThrownBy(() -> {
				try (Stream<Integer> items = comm.requestStreamBlocking("stream.plain", "ab", Integer.class)) {
					items.toList();
				}
			}).withMessageContaining("does not support streams");
		}
	}

	@Test
	default void aBroadcastStreamDeliversEachMembersReplyAsItArrivesAndEndsAfterTheLast() throws Exception {
		CountDownLatch slowMayAnswer = new CountDownLatch(1);
		try (CommTestNode slow = streamNodeBuilder().handlers(new SlowMember(slowMayAnswer)).build();
				CommTestNode failing = streamNodeBuilder().handlers(new FailingMember()).build();
				CommTestNode client = streamNodeBuilder().clientId("stream-broadcast").build()) {
			String slowUri = slow.listen(streamListenUri()).address().format();
			String failingUri = failing.listen(streamListenUri()).address().format();
			dev.comm.client.CommPool pool = client.pool(new dev.comm.client.RoundRobinStrategy(), STREAM_AWAIT, slowUri,
					failingUri);
			// a broadcast fails members that are not connected yet at once
			await("both members to connect").until(() -> pool.memberIds().size() == 2);
			java.util.concurrent.BlockingQueue<Object> signals = new java.util.concurrent.LinkedBlockingQueue<>();
			pool.broadcastStream("member.status", null, String.class).subscribe(new Flow.Subscriber<>() {

				@Override
				public void onSubscribe(Flow.Subscription subscription) {
					subscription.request(Long.MAX_VALUE);
				}

				@Override
				public void onNext(dev.comm.client.CommReply<String> reply) {
					signals.add(reply);
				}

				@Override
				public void onError(Throwable throwable) {
					signals.add(throwable);
				}

				@Override
				public void onComplete() {
					signals.add("complete");
				}

			});
			// the failing member's outcome arrives while the slow one still works
			assertThat(signals.poll(STREAM_AWAIT.toMillis(), TimeUnit.MILLISECONDS))
				.isInstanceOfSatisfying(dev.comm.client.CommReply.class, (reply) -> {
					assertThat(reply.isSuccess()).isFalse();
					assertThat(reply.error()).isInstanceOf(CommRemoteException.class);
				});
			assertThat(signals.poll(200, TimeUnit.MILLISECONDS)).isNull();
			slowMayAnswer.countDown();
			assertThat(signals.poll(STREAM_AWAIT.toMillis(), TimeUnit.MILLISECONDS)).isInstanceOfSatisfying(
					dev.comm.client.CommReply.class, (reply) -> assertThat(reply.get()).isEqualTo("slow but fine"));
			assertThat(signals.poll(STREAM_AWAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("complete");
		}
		finally {
			slowMayAnswer.countDown();
		}
	}

	/** A pool member that answers once the test lets it. */
	class SlowMember {

		private final CountDownLatch mayAnswer;

		SlowMember(CountDownLatch mayAnswer) {
			this.mayAnswer = mayAnswer;
		}

		@CommHandler("member.status")
		String status() throws InterruptedException {
			this.mayAnswer.await(STREAM_AWAIT.toMillis(), TimeUnit.MILLISECONDS);
			return "slow but fine";
		}

	}

	/** A pool member whose handler fails. */
	class FailingMember {

		@CommHandler("member.status")
		String status() {
			throw new RequesterFaultException(3, "not today");
		}

	}

	/**
	 * A subscriber that requests a fixed number at first, then what the test says.
	 */
	final class Probe implements Flow.Subscriber<Integer> {

		final java.util.concurrent.BlockingQueue<Integer> items = new java.util.concurrent.LinkedBlockingQueue<>();

		final java.util.concurrent.BlockingQueue<Throwable> failure = new java.util.concurrent.LinkedBlockingQueue<>();

		final CountDownLatch completed = new CountDownLatch(1);

		private final long initial;

		volatile Flow.Subscription subscription;

		Probe(long initial) {
			this.initial = initial;
		}

		@Override
		public void onSubscribe(Flow.Subscription subscription) {
			this.subscription = subscription;
			subscription.request(this.initial);
		}

		@Override
		public void onNext(Integer item) {
			this.items.add(item);
		}

		@Override
		public void onError(Throwable throwable) {
			this.failure.add(throwable);
		}

		@Override
		public void onComplete() {
			this.completed.countDown();
		}

	}

	/**
	 * Streaming handlers that count what was pulled from them.
	 */
	class StreamHandlers {

		final java.util.concurrent.atomic.AtomicLong pulled = new java.util.concurrent.atomic.AtomicLong();

		final CountDownLatch closed = new CountDownLatch(1);

		final CountDownLatch release = new CountDownLatch(1);

		@CommHandler("stream.count")
		Iterator<Integer> count(int n) {
			return IntStream.range(0, n).iterator();
		}

		@CommHandler("stream.java")
		Stream<Integer> java(int n) {
			return IntStream.range(0, n).boxed();
		}

		@CommHandler("stream.flux")
		Flux<Integer> flux(int n) {
			return Flux.range(0, n);
		}

		@CommHandler("stream.endless")
		Stream<Integer> endless() {
			AtomicInteger next = new AtomicInteger();
			return Stream.generate(() -> {
				this.pulled.incrementAndGet();
				return next.getAndIncrement();
			}).onClose(this.closed::countDown);
		}

		@CommHandler("stream.oneThenSilent")
		Flux<Integer> oneThenSilent() {
			return Flux.concat(Flux.just(0), Flux.<Integer>never()).doOnCancel(this.closed::countDown);
		}

		@CommHandler("stream.givesUp")
		Iterator<Integer> givesUp(int n) {
			return failingAfter(n, () -> new CommStreamCancelledException("given up"));
		}

		@CommHandler("stream.fails")
		Iterator<Integer> fails(int n) {
			return failingAfter(n, () -> new RequesterFaultException(7, "no more"));
		}

		@CommHandler("stream.silent")
		Iterator<Integer> silent() throws InterruptedException {
			this.release.await(STREAM_AWAIT.toMillis(), TimeUnit.MILLISECONDS);
			return List.of(1).iterator();
		}

		@CommHandler("stream.plain")
		int plain(String text) {
			return text.length();
		}

		/**
		 * An endless source that fails with {@code failure} after {@code n} items.
		 */
		static Iterator<Integer> failingAfter(int n, java.util.function.Supplier<RuntimeException> failure) {
			return new Iterator<>() {

				private int next;

				@Override
				public boolean hasNext() {
					return true;
				}

				@Override
				public Integer next() {
					if (this.next == n) {
						throw failure.get();
					}
					return this.next++;
				}

			};
		}

	}

}
