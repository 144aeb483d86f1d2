package dev.comm.internal.stream;

import java.util.Iterator;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A handler's blocking source ({@code Stream} or {@code Iterator}) as a publisher for one
 * subscriber: it is pulled on the executor, only as far as requested, and closed when it
 * ends or is cancelled.
 */
final class IteratorPublisher implements Flow.Publisher<Object> {

	private final Iterator<?> iterator;

	private final AutoCloseable resource;

	private final Executor executor;

	private final AtomicBoolean subscribed = new AtomicBoolean();

	IteratorPublisher(Iterator<?> iterator, AutoCloseable resource, Executor executor) {
		this.iterator = iterator;
		this.resource = resource;
		this.executor = executor;
	}

	@Override
	public void subscribe(Flow.Subscriber<? super Object> subscriber) {
		if (!this.subscribed.compareAndSet(false, true)) {
			StreamFailures.signal(subscriber,
					new IllegalStateException("A handler's stream can be subscribed to once"));
			return;
		}
		subscriber.onSubscribe(new Pull(subscriber));
	}

	private final class Pull implements Flow.Subscription, Runnable {

		private final Flow.Subscriber<? super Object> subscriber;

		private final AtomicLong demand = new AtomicLong();

		private final AtomicInteger wip = new AtomicInteger();

		private volatile boolean cancelled;

		private boolean done;

		Pull(Flow.Subscriber<? super Object> subscriber) {
			this.subscriber = subscriber;
		}

		@Override
		public void request(long n) {
			if (n <= 0) {
				this.cancelled = true;
				schedule();
				return;
			}
			this.demand.getAndAccumulate(n, (a, b) -> (a + b < 0) ? Long.MAX_VALUE : a + b);
			schedule();
		}

		@Override
		public void cancel() {
			this.cancelled = true;
			schedule();
		}

		private void schedule() {
			if (this.wip.getAndIncrement() == 0) {
				try {
					IteratorPublisher.this.executor.execute(this);
				}
				catch (RejectedExecutionException ex) {
					this.wip.set(0);
					finish(ex);
				}
			}
		}

		@Override
		public void run() {
			int missed = 1;
			do {
				pull();
				missed = this.wip.addAndGet(-missed);
			}
			while (missed != 0);
		}

		private void pull() {
			if (this.done) {
				return;
			}
			if (this.cancelled) {
				finish(null);
				return;
			}
			long requested = this.demand.get();
			long emitted = 0;
			try {
				while (emitted < requested && !this.cancelled) {
					if (!IteratorPublisher.this.iterator.hasNext()) {
						finish(null);
						this.subscriber.onComplete();
						return;
					}
					this.subscriber.onNext(IteratorPublisher.this.iterator.next());
					emitted++;
				}
			}
			catch (RuntimeException ex) {
				finish(null);
				this.subscriber.onError(ex);
				return;
			}
			this.demand.addAndGet(-emitted);
			if (this.cancelled) {
				finish(null);
			}
		}

		private void finish(Throwable rejected) {
			if (this.done) {
				return;
			}
			this.done = true;
			if (IteratorPublisher.this.resource != null) {
				try {
					IteratorPublisher.this.resource.close();
				}
				catch (Exception ex) {
					// the source is done with either way
				}
			}
			if (rejected != null) {
				this.subscriber.onError(rejected);
			}
		}

	}

}
