package dev.comm.internal.session;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.comm.CommErrorKind;
import dev.comm.CommException;
import dev.comm.protocol.ErrorBody;
import dev.comm.protocol.MessageFrame;
import dev.comm.protocol.MessageType;
import dev.comm.protocol.Metadata;
import dev.comm.transport.Connection;

/**
 * The serving half of a {@link Link}: takes inbound requests and throws off the I/O
 * thread, runs the {@link InboundHandler} on the handler executor, and writes exactly one
 * reply per request, an error reply when anything goes wrong. Throws are never answered.
 * A request over the link's {@link LinkLimits#requestsInFlight() limit} is answered busy
 * at once rather than queued; throws are bounded by the transport, which stops reading
 * while too many are not yet {@link Connection#handled handled}.
 */
final class LinkResponder {

	private static final Logger logger = LoggerFactory.getLogger(LinkResponder.class);

	private final Link link;

	private final Connection connection;

	private final LinkSettings settings;

	private final FrameLimit limit;

	/** Requests whose handler has not finished; at most the limit. */
	private final AtomicInteger requests = new AtomicInteger();

	/** Throws whose handler has not finished; the transport bounds them, if it can. */
	private final AtomicInteger throwsInFlight = new AtomicInteger();

	private final int requestLimit;

	private final String busy;

	private volatile boolean draining;

	/** Completes once draining and no handler runs. */
	private final CompletableFuture<Void> drained = new CompletableFuture<>();

	private volatile boolean errorTypeAgreed;

	LinkResponder(Link link, Connection connection, LinkSettings settings, FrameLimit limit) {
		this.link = link;
		this.connection = connection;
		this.settings = settings;
		this.limit = limit;
		this.requestLimit = settings.limits().requestsInFlight();
		this.busy = "busy: " + this.requestLimit + " requests in flight on this link (comm.limits.requests-in-flight)";
	}

	/**
	 * Serve an inbound message (type below {@link MessageType#RESPONSE_OK}). Called on
	 * the I/O thread; returns at once. Whatever the outcome, the connection is told
	 * {@link Connection#handled(MessageFrame) when the message is done with}.
	 * @param frame the message
	 */
	void accept(MessageFrame frame) {
		try {
			if (!dispatch(frame)) {
				this.connection.handled(frame);
			}
		}
		catch (RuntimeException ex) {
			this.connection.handled(frame);
			throw ex;
		}
	}

	/**
	 * Start the handler, or answer at once.
	 * @return whether a handler took the message, and will report it handled
	 */
	private boolean dispatch(MessageFrame frame) {
		Metadata metadata = frame.metadata();
		byte[] payload = frame.payload();
		if (metadata.type() != MessageType.REQUEST && metadata.type() != MessageType.THROW) {
			if (!metadata.id().isEmpty()) {
				reply(metadata, Outcome.failure(new ErrorBody(CommErrorKind.REQUESTER_FAULT, null,
						"Message type " + metadata.type() + " is not supported")));
			}
			return false;
		}
		if (this.draining && metadata.type() == MessageType.REQUEST) {
			reply(metadata, Outcome.failure(new ErrorBody(CommErrorKind.RESPONDER_FAULT, null,
					"The responder is shutting down; send the request to another instance or retry later")));
			return false;
		}
		InboundMessage message = new InboundMessage(metadata, payload, this.link);
		if (message.isThrow()) {
			this.throwsInFlight.incrementAndGet();
		}
		else if (this.requests.incrementAndGet() > this.requestLimit) {
			// answered without queuing, so that one peer cannot pile up work without
			// bound
			finished(message);
			reply(metadata,
					Outcome.failure(new ErrorBody(CommErrorKind.RESPONDER_FAULT, LinkLimits.BUSY_CODE, this.busy)));
			return false;
		}
		try {
			InboundHandler handler = this.settings.handler();
			handler.executorFor(message, this.settings.handlerExecutor()).execute(() -> handle(message, frame));
			return true;
		}
		catch (RejectedExecutionException ex) {
			finished(message);
			if (!message.isThrow()) {
				reply(metadata, Outcome.failure(new ErrorBody(CommErrorKind.RESPONDER_FAULT, null,
						"The responder is shutting down or overloaded")));
			}
			return false;
		}
	}

	private void handle(InboundMessage message, MessageFrame frame) {
		CompletableFuture<Outcome> outcome;
		try {
			outcome = this.settings.handler().handle(message);
		}
		catch (RuntimeException ex) {
			outcome = CompletableFuture.failedFuture(ex);
		}
		if (outcome.isDone() && !outcome.isCompletedExceptionally()) {
			// a handler that answered at once: no callback to allocate
			finish(message, frame, outcome.join(), null);
		}
		else {
			outcome.whenComplete((result, ex) -> finish(message, frame, result, ex));
		}
	}

	private void finish(InboundMessage message, MessageFrame frame, Outcome result, Throwable ex) {
		try {
			if (!message.isThrow()) {
				reply(message.metadata(), (ex != null) ? unexpected(message, ex) : result);
			}
		}
		finally {
			finished(message);
			this.connection.handled(frame);
		}
	}

	/**
	 * The inbound handler itself broke, rather than a handler method (those failures it
	 * reports as outcomes): the caller learns nothing of its internals.
	 */
	private Outcome unexpected(InboundMessage message, Throwable failure) {
		logger.error("Serving '{}' from {} failed", message.route(), this.connection.remoteAddress(), failure);
		return Outcome.failure(new ErrorBody(CommErrorKind.HANDLER_FAILED, null,
				"Serving '" + message.route() + "' failed unexpectedly"), failure);
	}

	void reply(Metadata request, Outcome outcome) {
		if (outcome.isSuccess()) {
			Metadata metadata = request.responseOf(MessageType.RESPONSE_OK);
			CommException tooLarge = this.limit.check(metadata, outcome.payload().length,
					this.connection.remoteAddress());
			if (tooLarge == null) {
				this.link.sendReply(new MessageFrame(metadata, outcome.payload()));
				return;
			}
			outcome = Outcome.failure(new ErrorBody(CommErrorKind.RESPONDER_FAULT, null, tooLarge.getMessage()));
		}
		ErrorBody error = outcome.error();
		this.link.sendReply(
				new MessageFrame(request.responseOf(error.kind().messageType()), error.encode(this.errorTypeAgreed)));
	}

	void useErrorType(boolean agreed) {
		this.errorTypeAgreed = agreed;
	}

	private void finished(InboundMessage message) {
		(message.isThrow() ? this.throwsInFlight : this.requests).decrementAndGet();
		// whichever of the two counts reaches zero last sees both at zero
		if (this.draining && inFlight() == 0) {
			this.drained.complete(null);
		}
	}

	CompletableFuture<Void> drain() {
		this.draining = true;
		if (inFlight() == 0) {
			this.drained.complete(null);
		}
		return this.drained;
	}

	int inFlight() {
		return this.requests.get() + this.throwsInFlight.get();
	}

}
