package dev.comm.internal.stream;

import java.util.concurrent.Flow;

/**
 * Fails a subscriber before its stream started: it gets a subscription that does nothing,
 * then the error, as the Flow rules want.
 */
public final class StreamFailures {

	private StreamFailures() {
	}

	/**
	 * Fail {@code subscriber} at once.
	 * @param subscriber the subscriber
	 * @param failure why there is no stream
	 */
	public static void signal(Flow.Subscriber<?> subscriber, Throwable failure) {
		subscriber.onSubscribe(new Flow.Subscription() {

			@Override
			public void request(long n) {
			}

			@Override
			public void cancel() {
			}

		});
		subscriber.onError(failure);
	}

}
