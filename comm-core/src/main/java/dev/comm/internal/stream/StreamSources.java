package dev.comm.internal.stream;

import java.util.Iterator;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * What a handler returned, as the publisher of a stream's items: a {@link Flow.Publisher}
 * as it is, a Reactive Streams publisher (Reactor's {@code Flux} and {@code Mono}) when
 * that library is present, a {@link Stream} or {@link Iterator} pulled on an executor,
 * and anything else as one item.
 */
public final class StreamSources {

	private StreamSources() {
	}

	/**
	 * Whether a handler declared to return this type answers with a stream.
	 * @param type the declared return type
	 * @return whether it is a publisher, stream or iterator
	 */
	public static boolean isStreaming(Class<?> type) {
		return Flow.Publisher.class.isAssignableFrom(type) || Stream.class.isAssignableFrom(type)
				|| Iterator.class.isAssignableFrom(type) || ReactivePublishers.isPublisher(type);
	}

	/**
	 * The items of a handler's result.
	 * @param result what the handler returned
	 * @param pullExecutor where a stream or iterator is pulled
	 * @return the publisher
	 */
	@SuppressWarnings("unchecked")
	public static Flow.Publisher<?> of(Object result, Executor pullExecutor) {
		if (result instanceof Flow.Publisher<?> publisher) {
			return publisher;
		}
		if (result instanceof Stream<?> stream) {
			return new IteratorPublisher(stream.iterator(), stream, pullExecutor);
		}
		if (result instanceof Iterator<?> iterator) {
			return new IteratorPublisher(iterator, (iterator instanceof AutoCloseable closeable) ? closeable : null,
					pullExecutor);
		}
		if (result != null && ReactivePublishers.isPublisher(result.getClass())) {
			return ReactivePublishers.toFlow(result);
		}
		if (result instanceof CompletionStage<?> stage) {
			return (subscriber) -> stage.whenComplete((value, ex) -> {
				if (ex != null) {
					subscriber.onSubscribe(new Once(subscriber, null, false));
					subscriber.onError(ex);
				}
				else {
					subscriber.onSubscribe(new Once(subscriber, value, true));
				}
			});
		}
		return (subscriber) -> subscriber.onSubscribe(new Once(subscriber, result, true));
	}

	/**
	 * One item, sent at the first request; {@code null}, which no publisher may emit, as
	 * no item.
	 */
	private static final class Once implements Flow.Subscription {

		private final Flow.Subscriber<? super Object> subscriber;

		private final Object value;

		private final AtomicBoolean done;

		@SuppressWarnings("unchecked")
		Once(Flow.Subscriber<?> subscriber, Object value, boolean emits) {
			this.subscriber = (Flow.Subscriber<? super Object>) subscriber;
			this.value = value;
			this.done = new AtomicBoolean(!emits);
		}

		@Override
		public void request(long n) {
			if (this.done.compareAndSet(false, true)) {
				if (this.value != null) {
					this.subscriber.onNext(this.value);
				}
				this.subscriber.onComplete();
			}
		}

		@Override
		public void cancel() {
			this.done.set(true);
		}

	}

}
