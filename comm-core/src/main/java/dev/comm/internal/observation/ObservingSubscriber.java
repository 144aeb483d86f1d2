package dev.comm.internal.observation;

import java.util.concurrent.Flow;

import io.micrometer.observation.Observation;

import dev.comm.observation.CommOutcomes;

/**
 * Stands between a called stream and its subscriber, and ends the stream's observation
 * with the stream: {@code success} when it completes, the failure's outcome when it fails
 * (a timeout, the link's loss, an error the responder sent), {@code cancelled} when the
 * subscriber cancels. It counts the items it passes on.
 *
 * @param <T> the item type
 */
final class ObservingSubscriber<T> implements Flow.Subscriber<T>, Flow.Subscription {

	private final Flow.Subscriber<? super T> subscriber;

	private final ObservedStreamCall call;

	private volatile Flow.Subscription subscription;

	/**
	 * Items passed on. Only onNext writes it, and signals come one at a time; a cancel on
	 * another thread reads it.
	 */
	private volatile long items;

	ObservingSubscriber(Flow.Subscriber<? super T> subscriber, ObservedStreamCall call) {
		this.subscriber = subscriber;
		this.call = call;
	}

	@Override
	public void onSubscribe(Flow.Subscription subscription) {
		this.subscription = subscription;
		try (Observation.Scope scope = this.call.callersScope()) {
			this.subscriber.onSubscribe(this);
		}
	}

	@Override
	public void onNext(T item) {
		this.items = this.items + 1;
		try (Observation.Scope scope = this.call.callersScope()) {
			this.subscriber.onNext(item);
		}
	}

	@Override
	public void onError(Throwable failure) {
		// ended before the subscriber hears of it, as a request's observation is
		this.call.end(CommOutcomes.of(failure), failure, this.items);
		try (Observation.Scope scope = this.call.callersScope()) {
			this.subscriber.onError(failure);
		}
	}

	@Override
	public void onComplete() {
		this.call.end(CommOutcomes.SUCCESS, null, this.items);
		try (Observation.Scope scope = this.call.callersScope()) {
			this.subscriber.onComplete();
		}
	}

	@Override
	public void request(long n) {
		this.subscription.request(n);
	}

	@Override
	public void cancel() {
		this.call.end(CommOutcomes.CANCELLED, null, this.items);
		this.subscription.cancel();
	}

}
