package dev.comm.autoconfigure;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

/**
 * A stream's subscriber that asks for nothing, so that tests can hold a stream open on
 * its responder until they cancel it.
 *
 * @param <T> the item type
 */
public final class IdleSubscriber<T> implements Flow.Subscriber<T> {

	private final CompletableFuture<Flow.Subscription> subscription = new CompletableFuture<>();

	@Override
	public void onSubscribe(Flow.Subscription subscription) {
		this.subscription.complete(subscription);
	}

	@Override
	public void onNext(T item) {
	}

	@Override
	public void onError(Throwable failure) {
	}

	@Override
	public void onComplete() {
	}

	/**
	 * Cancel the stream, once it was subscribed to.
	 * @throws Exception when no subscription came within 10 seconds
	 */
	public void cancel() throws Exception {
		this.subscription.get(10, TimeUnit.SECONDS).cancel();
	}

}
