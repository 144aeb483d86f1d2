package dev.comm.internal.transport.ws;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Map;

import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketMessage;

import dev.comm.protocol.Frame;
import dev.comm.protocol.FrameCodec;
import dev.comm.protocol.FrameTooLargeException;
import dev.comm.protocol.Hello;
import dev.comm.protocol.ProtocolException;
import dev.comm.protocol.Refusal;

/**
 * Turns the WebSocket messages of one connection into frames. Messages may arrive in
 * parts (comm asks the container for partial messages, so that the container's small
 * default buffers need no raising and no buffer is sized from a peer's announcement): the
 * parts are collected only up to the limit, and a message that grows past it fails before
 * more is buffered. Not thread-safe: the container delivers one message at a time.
 */
final class InboundMessages {

	/** Largest hello or refusal, as on streams. */
	static final int MAX_TEXT_SIZE = 64 * 1024;

	private final int maxFrameSize;

	/** Parts of a message up to this size keep their buffer for the next message. */
	private static final int RETAINED_BUFFER_SIZE = 64 * 1024;

	private ByteArrayOutputStream parts = new ByteArrayOutputStream();

	private boolean helloRead;

	InboundMessages(int maxFrameSize) {
		this.maxFrameSize = maxFrameSize;
	}

	/**
	 * Take one message or message part.
	 * @param message the message
	 * @return the frame it completes, or {@code null} when more parts are to come or the
	 * message carries no frame (a WebSocket pong)
	 * @throws FrameTooLargeException if the message outgrows its limit; the connection
	 * closes with WebSocket status 1009
	 * @throws ProtocolException if the message is not a valid frame
	 */
	Frame accept(WebSocketMessage<?> message) {
		boolean text = message instanceof TextMessage;
		if (!text && !(message instanceof BinaryMessage)) {
			return null;
		}
		byte[] part = text ? ((TextMessage) message).asBytes() : bytes(((BinaryMessage) message).getPayload());
		int limit = text ? MAX_TEXT_SIZE : this.maxFrameSize;
		if ((long) this.parts.size() + part.length > limit) {
			throw new FrameTooLargeException((text ? "Text message exceeds " : "Binary message exceeds ") + limit
					+ " bytes" + (text ? "" : " (comm.max-frame-size)"));
		}
		if (!message.isLast()) {
			this.parts.write(part, 0, part.length);
			return null;
		}
		byte[] whole = part;
		if (this.parts.size() > 0) {
			this.parts.write(part, 0, part.length);
			whole = this.parts.toByteArray();
			// one large message must not pin its buffer for the life of the connection
			this.parts = (whole.length > RETAINED_BUFFER_SIZE) ? new ByteArrayOutputStream() : this.parts;
			this.parts.reset();
		}
		return text ? text(whole) : FrameCodec.decodeBody(whole, 0, whole.length);
	}

	private Frame text(byte[] json) {
		// the first text message is the peer's hello; a later one can only be a refusal
		if (this.helloRead) {
			return FrameCodec.decodeRefusal(json, 0, json.length);
		}
		Hello hello = FrameCodec.decodeHello(json, 0, json.length);
		// a listener that authenticates refuses before its hello: a refusal is then the
		// first message, told from a hello by holding a reason and no hello's keys
		if (isRefusal(hello)) {
			return new Refusal(String.valueOf(hello.fields().get("reason")));
		}
		this.helloRead = true;
		return hello;
	}

	private static boolean isRefusal(Hello hello) {
		Map<String, Object> fields = hello.fields();
		return fields.containsKey("reason") && !fields.containsKey("hello") && !fields.containsKey("client_id")
				&& !fields.containsKey(Hello.COMM_KEY);
	}

	private static byte[] bytes(ByteBuffer buffer) {
		if (buffer.hasArray() && buffer.arrayOffset() == 0 && buffer.position() == 0
				&& buffer.remaining() == buffer.array().length) {
			return buffer.array();
		}
		byte[] bytes = new byte[buffer.remaining()];
		buffer.duplicate().get(bytes);
		return bytes;
	}

}
