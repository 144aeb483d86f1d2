package dev.comm.internal.stream;

import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import dev.comm.CommErrorKind;
import dev.comm.CommException;
import dev.comm.CommRemoteException;
import dev.comm.CommStreamCancelledException;
import dev.comm.CommTimeoutException;
import dev.comm.protocol.ErrorBody;
import dev.comm.protocol.MessageType;
import dev.comm.protocol.Metadata;

/**
 * The calling end of one stream, and the subscription its subscriber holds. Items that
 * arrive wait in a queue until the subscriber asks for them; the responder may send only
 * as many as this side granted, the window at first, and this side grants more as the
 * subscriber consumes, so the queue never holds more than a window. Ends once: with the
 * end frame, an error, a cancel from either side, a timeout or the link's loss.
 *
 * @param <T> the item type
 */
final class CallerStream<T> implements Flow.Subscription {

	private final String id;

	private final String route;

	private final StreamExtension extension;

	private final Flow.Subscriber<? super T> subscriber;

	private final Function<byte[], T> decoder;

	private final int window;

	private final Duration firstItemTimeout;

	private final long startedAt = System.nanoTime();

	private final Queue<byte[]> queue = new ConcurrentLinkedQueue<>();

	private final AtomicLong demand = new AtomicLong();

	private final AtomicInteger wip = new AtomicInteger();

	private final AtomicBoolean ended = new AtomicBoolean();

	/** Items the responder may send in all, and how many came. */
	private volatile long granted;

	private final AtomicLong received = new AtomicLong();

	private volatile long lastArrival;

	/** Set once the stream ended, delivered after the queued items. */
	private volatile Throwable failure;

	private volatile boolean completed;

	/**
	 * The failure is this side's, the link's loss or a timeout: queued items are dropped.
	 */
	private volatile boolean discardQueued;

	private volatile boolean cancelled;

	/** Whether the subscriber saw its terminal signal; touched by the drain loop only. */
	private boolean terminated;

	/** Consumed since the last grant; touched by the drain loop only. */
	private int consumed;

	private volatile ScheduledFuture<?> timer;

	CallerStream(String id, String route, StreamExtension extension, Flow.Subscriber<? super T> subscriber,
			Function<byte[], T> decoder, Duration firstItemTimeout) {
		this.id = id;
		this.route = route;
		this.extension = extension;
		this.subscriber = subscriber;
		this.decoder = decoder;
		this.window = extension.settings().window();
		this.granted = this.window;
		this.firstItemTimeout = firstItemTimeout;
	}

	String id() {
		return this.id;
	}

	int window() {
		return this.window;
	}

	void startTimer() {
		this.timer = this.extension.schedule(this::checkTimeouts, nextCheck(this.firstItemTimeout.toNanos()));
	}

	/**
	 * When to look again: never later than one idle timeout, or a first item that comes
	 * early would have its idle timeout noticed only once the first-item timeout, often
	 * far longer, had run out.
	 */
	private long nextCheck(long left) {
		return Math.min(left, this.extension.settings().idleTimeout().toNanos());
	}

	/** An item frame arrived, on the I/O thread. */
	void item(byte[] payload) {
		this.lastArrival = System.nanoTime();
		if (this.received.incrementAndGet() > this.granted) {
			// the responder broke the protocol, which is its fault: the subscriber gets
			// the typed error a request would for one
			this.extension.sendCancel(this);
			end(new CommRemoteException(CommErrorKind.RESPONDER_FAULT, null, this.route,
					"The responder at " + this.extension.remoteAddress() + " sent more items than it was granted"));
			return;
		}
		handOver(payload);
	}

	/**
	 * Give an arrived item to the subscriber at once when nothing waits before it and it
	 * is wanted, the common case of a caller keeping up; otherwise queue it for the drain
	 * loop.
	 */
	private void handOver(byte[] payload) {
		if (this.wip.compareAndSet(0, 1)) {
			if (this.queue.isEmpty() && this.demand.get() > 0 && !this.cancelled && !this.terminated
					&& !this.discardQueued) {
				if (emit(payload) && this.demand.get() != Long.MAX_VALUE) {
					this.demand.decrementAndGet();
				}
				drainFrom(this.wip.decrementAndGet());
			}
			else {
				this.queue.offer(payload);
				drainFrom(1);
			}
			return;
		}
		this.queue.offer(payload);
		drain();
	}

	/** The end frame arrived: ok without a status, else an error body. */
	void endFrame(Metadata metadata, byte[] payload) {
		Object status = metadata.extra().get(StreamExtension.STATUS);
		if (status == null) {
			end(null, false);
		}
		else {
			int type = (status instanceof Number number) ? number.intValue() : MessageType.RESPONDER_FAULT;
			end(ErrorBody.toException(type, payload, this.route), false);
		}
	}

	/**
	 * The peer answered the stream request with a plain response: it took it for a
	 * message of a type it does not know, as a peer without streams does where no hello
	 * told this side so.
	 */
	void answeredAsPlainMessage(int type, byte[] payload) {
		Throwable answer = ErrorBody.toException(type, payload, this.route);
		end(new CommException("Cannot call stream '" + this.route + "': the peer at " + this.extension.remoteAddress()
				+ " does not support streams (it answered the stream request as a plain message: " + answer.getMessage()
				+ ")", answer), false);
	}

	/** The responder cancelled the stream. */
	void cancelledByResponder() {
		end(new CommStreamCancelledException(
				"Stream '" + this.route + "' was cancelled by " + this.extension.remoteAddress()), false);
	}

	/**
	 * The stream failed on this side (the link's loss, a timeout): the subscriber learns
	 * it at once, without the items still queued.
	 */
	void end(Throwable cause) {
		end(cause, true);
	}

	/**
	 * The stream ended with {@code cause}, or completed when it is {@code null}; the
	 * subscriber learns it after the items already queued, unless they are discarded.
	 */
	private void end(Throwable cause, boolean discard) {
		if (!this.ended.compareAndSet(false, true)) {
			return;
		}
		this.extension.called(this);
		ScheduledFuture<?> current = this.timer;
		if (current != null) {
			current.cancel(false);
		}
		if (cause == null) {
			this.completed = true;
		}
		else {
			this.discardQueued = discard;
			this.failure = cause;
		}
		drain();
	}

	@Override
	public void request(long n) {
		if (n <= 0) {
			// the rule for subscriptions: give up the stream and tell the subscriber
			stopResponder();
			this.queue.clear();
			this.failure = new IllegalArgumentException("A subscriber must request a positive number, not " + n);
			drain();
			return;
		}
		long current;
		long next;
		do {
			current = this.demand.get();
			next = (current + n < 0) ? Long.MAX_VALUE : current + n;
		}
		while (!this.demand.compareAndSet(current, next));
		drain();
	}

	@Override
	public void cancel() {
		stopResponder();
		this.cancelled = true;
		drain();
	}

	private void stopResponder() {
		if (this.ended.compareAndSet(false, true)) {
			this.extension.called(this);
			ScheduledFuture<?> current = this.timer;
			if (current != null) {
				current.cancel(false);
			}
			this.extension.sendCancel(this);
		}
	}

	private void drain() {
		if (this.wip.getAndIncrement() != 0) {
			return;
		}
		drainFrom(1);
	}

	/**
	 * The drain loop, entered by the thread that holds it with {@code missed} signals to
	 * work off; {@code 0} when there is nothing left.
	 */
	private void drainFrom(int missed) {
		while (missed != 0) {
			if (this.cancelled || this.terminated) {
				this.queue.clear();
			}
			else {
				deliver();
			}
			missed = this.wip.addAndGet(-missed);
		}
	}

	private void deliver() {
		if (this.discardQueued) {
			this.queue.clear();
		}
		long requested = this.demand.get();
		long emitted = 0;
		while (emitted != requested && !this.cancelled) {
			byte[] payload = this.queue.poll();
			if (payload == null) {
				break;
			}
			if (!emit(payload)) {
				return;
			}
			emitted++;
		}
		if (emitted > 0 && requested != Long.MAX_VALUE) {
			this.demand.addAndGet(-emitted);
		}
		if (this.queue.isEmpty() && !this.cancelled && (this.completed || this.failure != null)) {
			this.terminated = true;
			if (this.failure != null) {
				this.subscriber.onError(this.failure);
			}
			else {
				this.subscriber.onComplete();
			}
		}
	}

	/**
	 * Decode one item and hand it to the subscriber, granting more once half a window was
	 * consumed; called by the drain loop's holder only.
	 * @return {@code false} when the item did not decode and the stream failed
	 */
	private boolean emit(byte[] payload) {
		T item;
		try {
			item = this.decoder.apply(payload);
		}
		catch (RuntimeException ex) {
			cancel();
			this.terminated = true;
			this.subscriber.onError(ex);
			return false;
		}
		this.subscriber.onNext(item);
		if (++this.consumed >= Math.max(1, this.window / 2) && !this.ended.get()) {
			grant(this.consumed);
			this.consumed = 0;
		}
		return true;
	}

	private void grant(int items) {
		this.granted += items;
		this.extension.send(new Metadata(this.id, MessageType.CREDIT, null, Map.of(StreamExtension.CREDIT, items)),
				new byte[0]);
	}

	private void checkTimeouts() {
		if (this.ended.get()) {
			return;
		}
		long now = System.nanoTime();
		Duration idle = this.extension.settings().idleTimeout();
		long left;
		if (this.received.get() == 0) {
			left = this.firstItemTimeout.toNanos() - (now - this.startedAt);
			if (left <= 0) {
				timedOut("No first item of stream '" + this.route + "' from " + this.extension.remoteAddress()
						+ " within " + this.firstItemTimeout.toMillis() + " ms", this.firstItemTimeout);
				return;
			}
		}
		else if (this.received.get() < this.granted) {
			left = idle.toNanos() - (now - this.lastArrival);
			if (left <= 0) {
				timedOut("No item of stream '" + this.route + "' from " + this.extension.remoteAddress() + " for "
						+ idle.toMillis() + " ms (comm.streams.idle-timeout)", idle);
				return;
			}
		}
		else {
			// everything granted came: the subscriber, not the responder, is behind
			left = idle.toNanos();
		}
		this.timer = this.extension.schedule(this::checkTimeouts, nextCheck(left));
	}

	private void timedOut(String message, Duration timeout) {
		this.extension.sendCancel(this);
		end(new CommTimeoutException(message, timeout));
	}

}
