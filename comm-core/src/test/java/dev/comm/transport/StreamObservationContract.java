package dev.comm.transport;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.micrometer.observation.Observation;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import dev.comm.CommErrorKind;
import dev.comm.CommRemoteException;
import dev.comm.CommTimeoutException;
import dev.comm.RequesterFaultException;
import dev.comm.client.CommPool;
import dev.comm.client.CommReply;
import dev.comm.handler.CommHandler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Observation of streams over a transport: the caller's observation lasts from the
 * subscription until the stream ends, the handler's from the stream request until the end
 * frame or the cancel, both of kind {@code stream} with the outcome and the items, and
 * the caller's context reaches the handler's observation through the stream request's
 * metadata. Every transport's contract test implements this interface.
 */
interface StreamObservationContract extends ObservationContract {

	/**
	 * Whether a caller's cancel reaches the responder before the first item came. Over a
	 * broker it cannot: the caller learns which instance serves the stream from its
	 * items, and until then the instance stops when its credit runs out.
	 * @return whether an early cancel reaches the responder
	 */
	default boolean earlyCancelReachesTheResponder() {
		return true;
	}

	@Test
	default void aStreamThatCompletesIsObservedOnBothSidesWithItsItemsAndTheCallersContext() {
		try (ObservedPair pair = ObservedPair.start(this, new ObservedStreams())) {
			try (Stream<Integer> items = pair.client.requestStreamBlocking("observed.stream", 5, Integer.class)) {
				assertThat(items.toList()).containsExactly(0, 1, 2, 3, 4);
			}

			Observation.Context caller = pair.clientRecorder.awaitSingle("observed.stream");
			Observation.Context handler = pair.serverRecorder.awaitSingle("observed.stream");
			pair.assertTags(caller, "observed.stream", "stream", "success");
			pair.assertTags(handler, "observed.stream", "stream", "success");
			assertThat(items(caller)).isEqualTo("5");
			assertThat(items(handler)).isEqualTo("5");
			assertThat(caller.getError()).isNull();
			assertThat((String) handler.get(StubPropagation.RECEIVED)).isNotNull()
				.isEqualTo(caller.get(StubPropagation.SENT));
		}
	}

	@Test
	default void aStreamTheCallerCancelsIsObservedAsCancelledOnBothSides() throws Exception {
		try (ObservedPair pair = ObservedPair.start(this, new ObservedStreams())) {
			CancelAfter subscriber = new CancelAfter(2);
			pair.client.requestStream("observed.stream.endless", null, Integer.class).subscribe(subscriber);
			assertThat(subscriber.cancelled.await(10, TimeUnit.SECONDS)).isTrue();

			Observation.Context caller = pair.clientRecorder.awaitSingle("observed.stream.endless");
			pair.assertTags(caller, "observed.stream.endless", "stream", "cancelled");
			assertThat(items(caller)).isEqualTo("2");
			Observation.Context handler = pair.serverRecorder.awaitSingle("observed.stream.endless");
			pair.assertTags(handler, "observed.stream.endless", "stream", "cancelled");
			assertThat(Long.parseLong(items(handler))).isGreaterThanOrEqualTo(2);
			assertThat((String) handler.get(StubPropagation.RECEIVED)).isNotNull()
				.isEqualTo(caller.get(StubPropagation.SENT));
		}
	}

	@Test
	default void aStreamThatFailsMidStreamIsObservedWithTheErrorKindOnBothSides() {
		try (ObservedPair pair = ObservedPair.start(this, new ObservedStreams())) {
			List<Integer> seen = new CopyOnWriteArrayList<>();
			assertThatExceptionOfType(CommRemoteException.class).isThrownBy(() -> {
				try (Stream<Integer> items = pair.client.requestStreamBlocking("observed.stream.fails", 3,
						Integer.class)) {
					items.forEach(seen::add);
				}
			}).satisfies((ex) -> assertThat(ex.getKind()).isEqualTo(CommErrorKind.REQUESTER_FAULT));
			assertThat(seen).containsExactly(0, 1, 2);

			Observation.Context caller = pair.clientRecorder.awaitSingle("observed.stream.fails");
			pair.assertTags(caller, "observed.stream.fails", "stream", "requester-fault");
			assertThat(items(caller)).isEqualTo("3");
			assertThat(caller.getError()).isInstanceOf(CommRemoteException.class);
			Observation.Context handler = pair.serverRecorder.awaitSingle("observed.stream.fails");
			pair.assertTags(handler, "observed.stream.fails", "stream", "requester-fault");
			assertThat(items(handler)).isEqualTo("3");
			assertThat(handler.getError()).isInstanceOf(RequesterFaultException.class).hasMessageContaining("no more");
		}
	}

	@Test
	default void aStreamWithoutAFirstItemInTimeIsATimeoutForTheCallerAndCancelledForTheHandler() {
		try (ObservedPair pair = ObservedPair.start(this, new ObservedStreams())) {
			// connected first, so that the timeout is the first item's, not the link's
			assertThat(pair.client.request("observed.echo", "warm-up", String.class)).isEqualTo("warm-up");
			assertThatExceptionOfType(CommTimeoutException.class).isThrownBy(() -> {
				try (Stream<Integer> items = pair.client.withTimeout(Duration.ofMillis(200))
					.requestStreamBlocking("observed.stream.slow", 3, Integer.class)) {
					items.toList();
				}
			});

			pair.assertTags(pair.clientRecorder.awaitSingle("observed.stream.slow"), "observed.stream.slow", "stream",
					"timeout");
			// the caller's cancel came while the handler method still ran; where it
			// cannot
			// reach the handler, the handler's stream ends as its items do
			pair.assertTags(pair.serverRecorder.awaitSingle("observed.stream.slow"), "observed.stream.slow", "stream",
					earlyCancelReachesTheResponder() ? "cancelled" : "success");
		}
	}

	@Test
	default void aStreamToARouteNobodyServesIsObservedAsNoRouteAndUnmatched() {
		try (ObservedPair pair = ObservedPair.start(this, new ObservedStreams())) {
			assertThatExceptionOfType(CommRemoteException.class).isThrownBy(() -> {
				try (Stream<Integer> items = pair.client.requestStreamBlocking("observed.stream.nowhere", 3,
						Integer.class)) {
					items.toList();
				}
			});

			pair.assertTags(pair.clientRecorder.awaitSingle("observed.stream.nowhere"), "observed.stream.nowhere",
					"stream", "no-route");
			pair.assertTags(pair.serverRecorder.awaitSingle("observed.stream.nowhere"), "unmatched", "stream",
					"no-route");
		}
	}

	@Test
	default void aBroadcastStreamIsObservedAsOneRequestPerMemberUnderThePoolsName() {
		try (ObservedPair pair = ObservedPair.start(this)) {
			CommPool pool = pair.poolOfTwo();
			await("both members to connect").until(() -> pool.memberIds().size() == 2);

			List<CommReply<String>> replies = Flux
				.from(org.reactivestreams.FlowAdapters
					.toPublisher(pool.broadcastStream("observed.echo", "all", String.class)))
				.collectList()
				.block(Duration.ofSeconds(10));
			assertThat(replies).as("%s", replies).extracting(CommReply::value).containsExactly("all", "all");

			List<Observation.Context> calls = pair.clientRecorder.all("observed.echo");
			assertThat(calls).hasSize(2);
			calls.forEach((call) -> pair.assertTags(call, "observed.echo", "request", "success", "test-pool"));
		}
	}

	private static String items(Observation.Context context) {
		return context.getHighCardinalityKeyValue("stream.items").getValue();
	}

	/** The streaming handlers the observed server serves besides its others. */
	final class ObservedStreams {

		@CommHandler("observed.stream")
		Iterator<Integer> count(int n) {
			return IntStream.range(0, n).iterator();
		}

		@CommHandler("observed.stream.endless")
		Flux<Integer> endless() {
			return Flux.generate(() -> 0, (next, sink) -> {
				sink.next(next);
				return next + 1;
			});
		}

		@CommHandler("observed.stream.fails")
		Iterator<Integer> fails(int n) {
			return StreamContract.StreamHandlers.failingAfter(n, () -> new RequesterFaultException(7, "no more"));
		}

		@CommHandler("observed.stream.slow")
		Iterator<Integer> slow(int n) throws InterruptedException {
			Thread.sleep(600);
			return IntStream.range(0, n).iterator();
		}

	}

	/** Takes a few items, one at a time, then cancels. */
	final class CancelAfter implements Flow.Subscriber<Integer> {

		final CountDownLatch cancelled = new CountDownLatch(1);

		private final int wanted;

		private Flow.Subscription subscription;

		private int received;

		CancelAfter(int wanted) {
			this.wanted = wanted;
		}

		@Override
		public void onSubscribe(Flow.Subscription subscription) {
			this.subscription = subscription;
			subscription.request(1);
		}

		@Override
		public void onNext(Integer item) {
			if (++this.received == this.wanted) {
				this.subscription.cancel();
				this.cancelled.countDown();
			}
			else {
				this.subscription.request(1);
			}
		}

		@Override
		public void onError(Throwable failure) {
		}

		@Override
		public void onComplete() {
		}

	}

}
