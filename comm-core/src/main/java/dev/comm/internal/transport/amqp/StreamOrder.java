package dev.comm.internal.transport.amqp;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.springframework.amqp.core.Message;

import dev.comm.protocol.MessageFrame;
import dev.comm.protocol.MessageType;

/**
 * Keeps the item, end and responder's cancel frames of each stream in order across the
 * broker, which keeps order only per channel: the responder numbers them in a
 * {@code comm-seq} header, the caller delivers them by number.
 */
final class StreamOrder {

	/**
	 * The most frames held back per stream; the responder's credit bounds them anyway.
	 */
	private static final int MAX_EARLY = 65_536;

	private final Map<String, AtomicLong> sending = new ConcurrentHashMap<>();

	private final Map<String, Receiving> receiving = new ConcurrentHashMap<>();

	/**
	 * Number an outgoing frame, if it is a stream's item or end.
	 * @param frame the frame
	 * @param message the AMQP message that carries it
	 * @return the message
	 */
	Message numbered(MessageFrame frame, Message message) {
		int type = frame.metadata().type();
		if (type == MessageType.ITEM) {
			long seq = this.sending.computeIfAbsent(frame.metadata().id(), (id) -> new AtomicLong()).getAndIncrement();
			message.getMessageProperties().setHeader(AmqpHeaders.SEQ, seq);
		}
		else if (type == MessageType.END) {
			AtomicLong next = this.sending.remove(frame.metadata().id());
			message.getMessageProperties().setHeader(AmqpHeaders.SEQ, (next != null) ? next.get() : 0L);
		}
		else if (type == MessageType.CANCEL) {
			// a responder that gives up after items numbers its cancel like an end, so
			// that it cannot overtake them; a caller's cancel follows nothing it sent
			AtomicLong next = this.sending.remove(frame.metadata().id());
			if (next != null) {
				message.getMessageProperties().setHeader(AmqpHeaders.SEQ, next.get());
			}
		}
		return message;
	}

	/**
	 * Deliver an incoming frame in its stream's order. Called by one thread at a time
	 * (the reply queue's consumer).
	 * @param frame the frame
	 * @param seq its {@code comm-seq} header, or {@code null}
	 * @param deliver where frames go, in order
	 */
	void received(MessageFrame frame, Object seq, Consumer<MessageFrame> deliver) {
		int type = frame.metadata().type();
		if ((type != MessageType.ITEM && !isLast(type)) || !(seq instanceof Number number)) {
			deliver.accept(frame);
			return;
		}
		String id = frame.metadata().id();
		Receiving stream = this.receiving.computeIfAbsent(id, (key) -> new Receiving());
		long at = number.longValue();
		if (at != stream.expected) {
			if (at > stream.expected && stream.early.size() < MAX_EARLY) {
				stream.early.put(at, frame);
			}
			return;
		}
		MessageFrame next = frame;
		while (next != null) {
			deliver.accept(next);
			stream.expected++;
			if (isLast(next.metadata().type())) {
				this.receiving.remove(id);
				return;
			}
			next = stream.early.remove(stream.expected);
		}
	}

	/** Whether a numbered frame of this type is its stream's last. */
	private static boolean isLast(int type) {
		return type == MessageType.END || type == MessageType.CANCEL;
	}

	/**
	 * This side gave a stream up: forget its order.
	 * @param id the stream id
	 */
	void cancelled(String id) {
		this.receiving.remove(id);
	}

	private static final class Receiving {

		private long expected;

		private final Map<Long, MessageFrame> early = new HashMap<>();

	}

}
