package dev.comm.internal.stream;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.comm.CommErrorKind;
import dev.comm.CommStreamCancelledException;
import dev.comm.protocol.ErrorBody;
import dev.comm.protocol.MessageType;
import dev.comm.protocol.Metadata;

/**
 * The serving end of one stream: subscribes to the handler's items, asks its source for
 * exactly as many as the caller granted, and writes each as an item frame, then the end.
 * It ends once: completed, failed, cancelled by the caller, out of credit for too long,
 * or with its link; the reply's {@link ServedStreamEnd} learns which.
 */
final class ResponderStream implements Flow.Subscriber<Object> {

	private static final Logger logger = LoggerFactory.getLogger(ResponderStream.class);

	private final String id;

	private final String route;

	private final StreamExtension extension;

	private final StreamCredit credit = new StreamCredit();

	/** Credit taken from the caller and not yet passed on to the source. */
	private final AtomicLong unrequested = new AtomicLong();

	private final AtomicBoolean done = new AtomicBoolean();

	private volatile Flow.Subscription source;

	private volatile StreamReply reply;

	private volatile ScheduledFuture<?> creditTimer;

	/** How the stream ended, kept until the handler's reply says whom to tell. */
	private volatile Consumer<ServedStreamEnd> ending;

	private final AtomicBoolean told = new AtomicBoolean();

	ResponderStream(String id, String route, StreamExtension extension) {
		this.id = id;
		this.route = route;
		this.extension = extension;
	}

	String id() {
		return this.id;
	}

	/**
	 * The caller granted more items.
	 * @param items how many
	 * @return whether the grant was valid; when not, the stream has ended with a
	 * requester fault
	 */
	boolean grant(long items) {
		if (!this.credit.grant(items)) {
			// the stream ends here, so its source must stop too: left subscribed, a
			// handler's Flux or Stream would never learn that nobody wants its items
			cancelSource();
			fail(new ErrorBody(CommErrorKind.REQUESTER_FAULT, null, "A stream's credit must be a positive number, "
					+ "with at most " + StreamCredit.MAX_OUTSTANDING + " items outstanding; got " + items));
			return false;
		}
		ScheduledFuture<?> timer = this.creditTimer;
		if (timer != null) {
			timer.cancel(false);
		}
		this.unrequested.addAndGet(items);
		requestGranted();
		return true;
	}

	private void requestGranted() {
		Flow.Subscription subscription = this.source;
		if (subscription != null) {
			long items = this.unrequested.getAndSet(0);
			if (items > 0) {
				subscription.request(items);
			}
		}
	}

	/**
	 * Start producing items, on a handler thread.
	 * @param reply what the handler answered
	 */
	void start(StreamReply reply) {
		this.reply = reply;
		// the link may have closed while the handler ran
		tell();
		if (reply.refused() != null) {
			fail(reply.refused());
			return;
		}
		reply.items().subscribe(this);
	}

	@Override
	public void onSubscribe(Flow.Subscription subscription) {
		if (this.source != null) {
			subscription.cancel();
			return;
		}
		this.source = subscription;
		if (this.done.get()) {
			subscription.cancel();
			return;
		}
		requestGranted();
	}

	@Override
	public void onNext(Object item) {
		if (this.done.get()) {
			return;
		}
		if (!this.credit.take()) {
			cancelSource();
			fail(new ErrorBody(CommErrorKind.RESPONDER_FAULT, null,
					"The stream's source produced more items than requested"));
			return;
		}
		byte[] bytes;
		try {
			bytes = this.reply.encoder().apply(item);
		}
		catch (RuntimeException ex) {
			logger.error("Cannot encode an item of stream '{}'", this.route, ex);
			cancelSource();
			fail(new ErrorBody(CommErrorKind.RESPONDER_FAULT, null,
					"An item of the stream could not be encoded: " + ex.getMessage()));
			return;
		}
		CompletableFuture<Void> sent = this.extension.send(Metadata.of(this.id, MessageType.ITEM, null), bytes);
		if (sent.isCompletedExceptionally()) {
			cancelSource();
			// over the frame limit: the only failure known at once
			String reason = sent.handle((ok, ex) -> (ex.getCause() != null) ? ex.getCause() : ex).join().getMessage();
			fail(new ErrorBody(CommErrorKind.RESPONDER_FAULT, null, reason));
			return;
		}
		if (this.credit.exhausted()) {
			armCreditTimer();
		}
	}

	private void armCreditTimer() {
		this.creditTimer = this.extension.schedule(() -> {
			if (this.credit.exhausted() && !this.done.get()) {
				cancelSource();
				fail(new ErrorBody(CommErrorKind.REQUESTER_FAULT, null,
						"The caller granted no credit within " + this.extension.settings().creditTimeout().toMillis()
								+ " ms (comm.streams.credit-timeout); the stream was given up"));
			}
		}, this.extension.settings().creditTimeout().toNanos());
		if (!this.credit.exhausted()) {
			// credit came between the check and the timer
			this.creditTimer.cancel(false);
		}
	}

	@Override
	public void onError(Throwable failure) {
		if (failure instanceof CommStreamCancelledException) {
			if (finish()) {
				this.extension.send(Metadata.of(this.id, MessageType.CANCEL, null), new byte[0]);
				long items = sent();
				ended((end) -> end.cancelled(items));
			}
			return;
		}
		StreamReply current = this.reply;
		fail((current != null) ? current.errors().apply(failure)
				: new ErrorBody(CommErrorKind.HANDLER_FAILED, null, "Stream '" + this.route + "' failed"), failure);
	}

	@Override
	public void onComplete() {
		if (finish()) {
			this.extension.send(Metadata.of(this.id, MessageType.END, null), new byte[0]);
			long items = sent();
			ended((end) -> end.completed(items));
		}
	}

	/** End with an error frame. */
	void fail(ErrorBody error) {
		fail(error, null);
	}

	private void fail(ErrorBody error, Throwable cause) {
		if (finish()) {
			this.extension.send(StreamExtension.errorEnd(this.id, error), error.encode(true));
			long items = sent();
			ended((end) -> end.failed(error, cause, items));
		}
	}

	/** The caller cancelled: stop the source, write nothing. */
	void cancel() {
		if (finish()) {
			cancelSource();
			long items = sent();
			ended((end) -> end.cancelled(items));
		}
	}

	/** The link went: stop the source, write nothing. */
	void lost() {
		if (finish()) {
			cancelSource();
			long items = sent();
			ended((end) -> end.lost(items));
		}
	}

	private void ended(Consumer<ServedStreamEnd> how) {
		this.ending = how;
		tell();
	}

	/**
	 * Tell the reply's end how the stream ended, once both are known: the stream may end
	 * before its handler answered, and the answer may come before the end.
	 */
	private void tell() {
		StreamReply current = this.reply;
		Consumer<ServedStreamEnd> how = this.ending;
		if (current != null && how != null && this.told.compareAndSet(false, true)) {
			how.accept(current.end());
		}
	}

	private void cancelSource() {
		Flow.Subscription subscription = this.source;
		if (subscription != null) {
			subscription.cancel();
		}
	}

	private boolean finish() {
		if (!this.done.compareAndSet(false, true)) {
			return false;
		}
		ScheduledFuture<?> timer = this.creditTimer;
		if (timer != null) {
			timer.cancel(false);
		}
		this.extension.served(this);
		return true;
	}

	long sent() {
		return this.credit.sent();
	}

	@Override
	public String toString() {
		return "ResponderStream[" + this.id + " '" + this.route + "']";
	}

}
