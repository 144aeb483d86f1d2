package dev.comm.internal.stream;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.comm.CommConnectionLostException;
import dev.comm.CommErrorKind;
import dev.comm.internal.session.InboundMessage;
import dev.comm.internal.session.Link;
import dev.comm.internal.session.LinkExtension;
import dev.comm.protocol.ErrorBody;
import dev.comm.protocol.Features;
import dev.comm.protocol.MessageFrame;
import dev.comm.protocol.MessageType;
import dev.comm.protocol.Metadata;

/**
 * The streams of one link, both the ones this side called and the ones it serves, by
 * stream id (the stream request's id). Frames of the stream types come here from the
 * link; frames for an unknown id are dropped, as a late item after a cancel is.
 */
public final class StreamExtension implements LinkExtension {

	private static final Logger logger = LoggerFactory.getLogger(StreamExtension.class);

	/** The metadata key of a stream request's and a credit frame's item count. */
	static final String CREDIT = "credit";

	/**
	 * The metadata key of an end frame's error type; absent when the stream completed.
	 */
	static final String STATUS = "status";

	private static final Set<Integer> TYPES = Set.of(MessageType.STREAM_REQUEST, MessageType.CREDIT, MessageType.CANCEL,
			MessageType.ITEM, MessageType.END);

	private static final byte[] EMPTY = new byte[0];

	private final Link link;

	private final StreamSettings settings;

	private final StreamHandler handler;

	private final Executor handlerExecutor;

	private final ScheduledExecutorService scheduler;

	private final Map<String, CallerStream<?>> calls = new ConcurrentHashMap<>();

	private final Map<String, ResponderStream> served = new ConcurrentHashMap<>();

	private final String tooMany;

	private StreamExtension(Link link, StreamSettings settings, StreamHandler handler, Executor handlerExecutor,
			ScheduledExecutorService scheduler) {
		this.link = link;
		this.settings = settings;
		this.handler = handler;
		this.handlerExecutor = handlerExecutor;
		this.scheduler = scheduler;
		this.tooMany = "Too many streams: " + settings.maxPerLink()
				+ " are open on this link (comm.streams.max-per-link)";
	}

	/**
	 * The factory that installs streams in every link of an endpoint.
	 * @param settings how the streams behave
	 * @param handler serves the stream requests of peers
	 * @param handlerExecutor runs handlers and pulls blocking sources
	 * @param scheduler runs the timeouts
	 * @return the factory
	 */
	public static LinkExtension.Factory factory(StreamSettings settings, StreamHandler handler,
			Executor handlerExecutor, ScheduledExecutorService scheduler) {
		return new LinkExtension.Factory() {

			@Override
			public String feature() {
				return Features.STREAM;
			}

			@Override
			public Set<Integer> messageTypes() {
				return TYPES;
			}

			@Override
			public LinkExtension create(Link link) {
				return new StreamExtension(link, settings, handler, handlerExecutor, scheduler);
			}

		};
	}

	/**
	 * Call a stream: subscribe {@code subscriber} and send the stream request.
	 * @param <T> the item type
	 * @param route the route
	 * @param payload the encoded request payload
	 * @param decoder decodes one item
	 * @param firstItemTimeout how long to wait for the first item
	 * @param subscriber the subscriber
	 * @param extra metadata keys besides id, type, route and credit
	 */
	public <T> void call(String route, byte[] payload, Function<byte[], T> decoder, Duration firstItemTimeout,
			Flow.Subscriber<? super T> subscriber, Map<String, Object> extra) {
		String id = Link.newRequestId();
		CallerStream<T> stream = new CallerStream<>(id, route, this, subscriber, decoder, firstItemTimeout);
		this.calls.put(id, stream);
		subscriber.onSubscribe(stream);
		if (!this.calls.containsKey(id)) {
			return; // cancelled in onSubscribe
		}
		Map<String, Object> metadata = new LinkedHashMap<>(extra);
		metadata.put(CREDIT, stream.window());
		stream.startTimer();
		CompletableFuture<Void> sent = this.link
			.sendFrame(new MessageFrame(new Metadata(id, MessageType.STREAM_REQUEST, route, metadata), payload));
		sent.whenComplete((ignored, ex) -> {
			if (ex != null) {
				stream.end(ex);
			}
		});
	}

	@Override
	public boolean unmatchedResponse(MessageFrame response) {
		CallerStream<?> call = this.calls.get(response.metadata().id());
		if (call == null) {
			return false;
		}
		call.answeredAsPlainMessage(response.metadata().type(), response.payload());
		return true;
	}

	@Override
	public void frame(MessageFrame frame) {
		Metadata metadata = frame.metadata();
		String id = metadata.id();
		switch (metadata.type()) {
			case MessageType.STREAM_REQUEST -> serve(frame);
			case MessageType.CREDIT -> {
				ResponderStream stream = this.served.get(id);
				if (stream != null) {
					stream.grant(count(metadata.extra().get(CREDIT)));
				}
			}
			case MessageType.CANCEL -> {
				ResponderStream stream = this.served.get(id);
				if (stream != null) {
					stream.cancel();
				}
				else {
					CallerStream<?> call = this.calls.get(id);
					if (call != null) {
						call.cancelledByResponder();
					}
				}
			}
			case MessageType.ITEM -> {
				CallerStream<?> call = this.calls.get(id);
				if (call != null) {
					call.item(frame.payload());
				}
			}
			case MessageType.END -> {
				CallerStream<?> call = this.calls.get(id);
				if (call != null) {
					call.endFrame(metadata, frame.payload());
				}
			}
			default -> throw new IllegalStateException("Not a stream frame: " + metadata.type());
		}
	}

	private void serve(MessageFrame frame) {
		Metadata metadata = frame.metadata();
		String id = metadata.id();
		if (id.isEmpty() || this.served.containsKey(id)) {
			logger.debug("Dropped a stream request from {} with an empty or open id '{}'", remoteAddress(), id);
			return;
		}
		ResponderStream stream = new ResponderStream(id, metadata.route(), this);
		if (this.served.size() >= this.settings.maxPerLink()) {
			stream.fail(new ErrorBody(CommErrorKind.REQUESTER_FAULT, null, this.tooMany));
			return;
		}
		this.served.put(id, stream);
		if (!stream.grant(count(metadata.extra().get(CREDIT)))) {
			return;
		}
		InboundMessage message = new InboundMessage(metadata, frame.payload(), this.link);
		try {
			this.handlerExecutor.execute(() -> {
				StreamReply reply;
				try {
					reply = this.handler.open(message, this.handlerExecutor);
				}
				catch (RuntimeException ex) {
					logger.error("Serving stream '{}' from {} failed", metadata.route(), remoteAddress(), ex);
					reply = StreamReply.refused(new ErrorBody(CommErrorKind.HANDLER_FAILED, null,
							"Serving '" + metadata.route() + "' failed unexpectedly"));
				}
				stream.start(reply);
			});
		}
		catch (RejectedExecutionException ex) {
			stream.fail(
					new ErrorBody(CommErrorKind.RESPONDER_FAULT, null, "The responder is shutting down or overloaded"));
		}
	}

	/** A count from the wire; anything but an integer is an invalid grant. */
	private static long count(Object value) {
		return (value instanceof Integer || value instanceof Long) ? ((Number) value).longValue() : -1;
	}

	@Override
	public void closed(CommConnectionLostException lost) {
		for (CallerStream<?> call : this.calls.values()) {
			call.end(lost);
		}
		for (ResponderStream stream : this.served.values()) {
			stream.lost();
		}
	}

	StreamSettings settings() {
		return this.settings;
	}

	String remoteAddress() {
		return this.link.remoteAddress();
	}

	CompletableFuture<Void> send(Metadata metadata, byte[] payload) {
		return this.link.sendFrame(new MessageFrame(metadata, payload));
	}

	void sendCancel(CallerStream<?> stream) {
		send(Metadata.of(stream.id(), MessageType.CANCEL, null), EMPTY);
	}

	static Metadata errorEnd(String id, ErrorBody error) {
		return new Metadata(id, MessageType.END, null, Map.of(STATUS, error.kind().messageType()));
	}

	ScheduledFuture<?> schedule(Runnable task, long delayNanos) {
		return this.scheduler.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
	}

	/** A called stream ended: forget it. */
	void called(CallerStream<?> stream) {
		this.calls.remove(stream.id(), stream);
	}

	/** A served stream ended: forget it. */
	void served(ResponderStream stream) {
		this.served.remove(stream.id(), stream);
	}

	/**
	 * The streams this side serves on the link right now.
	 * @return the count
	 */
	public int servedCount() {
		return this.served.size();
	}

	/**
	 * The streams this side serves on a link right now: none where the link has no
	 * streams, because the peer did not announce them or this side has them off.
	 * @param link the link
	 * @return the count
	 */
	public static int servedOn(Link link) {
		StreamExtension streams = link.extension(StreamExtension.class);
		return (streams != null) ? streams.servedCount() : 0;
	}

}
