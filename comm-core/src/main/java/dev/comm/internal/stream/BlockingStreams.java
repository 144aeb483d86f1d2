package dev.comm.internal.stream;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import dev.comm.CommException;

/**
 * A publisher read as a blocking {@link Stream}: items are requested in batches, so that
 * at most a batch waits in memory, and closing the stream cancels the subscription.
 */
public final class BlockingStreams {

	private static final int BATCH = 64;

	private static final Object COMPLETE = new Object();

	private BlockingStreams() {
	}

	/**
	 * Subscribe to {@code publisher} and read it as a stream.
	 * @param <T> the item type
	 * @param publisher the publisher; its signals end, whatever happens (comm's streams
	 * time out)
	 * @return the stream, to be closed
	 */
	public static <T> Stream<T> of(Flow.Publisher<T> publisher) {
		Reader<T> reader = new Reader<>();
		publisher.subscribe(reader);
		return StreamSupport.stream(Spliterators.spliteratorUnknownSize(reader, Spliterator.ORDERED), false)
			.onClose(reader::close);
	}

	private static final class Reader<T> implements Flow.Subscriber<T>, Iterator<T> {

		private final BlockingQueue<Object> signals = new LinkedBlockingQueue<>();

		private volatile Flow.Subscription subscription;

		private volatile boolean closed;

		private Object next;

		private int taken;

		@Override
		public void onSubscribe(Flow.Subscription subscription) {
			this.subscription = subscription;
			if (this.closed) {
				subscription.cancel();
				return;
			}
			subscription.request(BATCH);
		}

		@Override
		public void onNext(T item) {
			this.signals.add(item);
		}

		@Override
		public void onError(Throwable failure) {
			this.signals.add(new Failure(failure));
		}

		@Override
		public void onComplete() {
			this.signals.add(COMPLETE);
		}

		@Override
		public boolean hasNext() {
			if (this.next == null) {
				if (this.closed) {
					throw new IllegalStateException("The stream is closed");
				}
				try {
					this.next = this.signals.take();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					close();
					throw new CommException("Interrupted while waiting for a stream item", ex);
				}
			}
			if (this.next instanceof Failure failure) {
				throw failure.rethrow();
			}
			return this.next != COMPLETE;
		}

		@Override
		@SuppressWarnings("unchecked")
		public T next() {
			if (!hasNext()) {
				throw new NoSuchElementException();
			}
			T item = (T) this.next;
			this.next = null;
			if (++this.taken == BATCH / 2) {
				this.taken = 0;
				this.subscription.request(BATCH / 2);
			}
			return item;
		}

		void close() {
			this.closed = true;
			Flow.Subscription current = this.subscription;
			if (current != null) {
				current.cancel();
			}
		}

	}

	private record Failure(Throwable cause) {

		RuntimeException rethrow() {
			return (this.cause instanceof RuntimeException runtime) ? runtime
					: new CommException(String.valueOf(this.cause.getMessage()), this.cause);
		}

	}

}
