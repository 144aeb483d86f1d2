package dev.comm.internal.observation;

import java.util.Map;
import java.util.concurrent.Flow;

import dev.comm.internal.session.Link;

/**
 * The observation of one stream this side calls, from the subscription until the stream
 * ends: its subscriber's signals tell how.
 */
public interface StreamCallObservation {

	/** Observes nothing; the subscriber is used as it is. */
	StreamCallObservation NONE = new StreamCallObservation() {

		@Override
		public Map<String, Object> metadata() {
			return Map.of();
		}

		@Override
		public void sentOn(Link link) {
		}

		@Override
		public <T> Flow.Subscriber<? super T> observe(Flow.Subscriber<? super T> subscriber) {
			return subscriber;
		}

	};

	/**
	 * Metadata keys the stream request must carry, such as the caller's trace context.
	 * @return the keys; empty when there are none
	 */
	Map<String, Object> metadata();

	/**
	 * The stream request goes out on {@code link}; called at most once, on any thread.
	 * @param link the link
	 */
	void sentOn(Link link);

	/**
	 * The subscriber to hand the stream instead of {@code subscriber}: it ends the
	 * observation when the stream completes or fails, or when {@code subscriber} cancels.
	 * @param <T> the item type
	 * @param subscriber the caller's subscriber
	 * @return the subscriber that observes and delegates to it
	 */
	<T> Flow.Subscriber<? super T> observe(Flow.Subscriber<? super T> subscriber);

}
