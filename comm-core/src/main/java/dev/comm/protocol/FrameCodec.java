package dev.comm.protocol;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns frames into communica's bytes and back. A frame <em>body</em> starts with its
 * code; on stream transports each body is preceded by a big-endian u32 length, and the
 * hello is NUL-terminated JSON instead. Every transport that moves bytes shares this
 * class, so the format is written once.
 */
public final class FrameCodec {

	/** Code of a message frame. */
	public static final byte MESSAGE = 0x0A;

	/**
	 * Code of communica's chunk frame, used only for messages over 4 GiB; comm refuses
	 * it.
	 */
	public static final byte CHUNK = 0x0B;

	/** Code of the close notification. */
	public static final byte CLOSE_NOTIFY = 0x14;

	/** Code of the heartbeat probe (comm extension). */
	public static final byte PING = 0x1E;

	/** Code of the heartbeat answer (comm extension). */
	public static final byte PONG = 0x1F;

	/** Ends a hello on a stream. */
	public static final byte HELLO_END = 0x00;

	/** Starts a refusal on a stream. */
	public static final byte REFUSAL_START = 0x04;

	/** Bytes of the length prefix on stream transports. */
	public static final int LENGTH_PREFIX = 4;

	/**
	 * Bytes of a message body's metadata-end offset, the u32 after the frame code that
	 * counts itself and the metadata.
	 */
	public static final int META_END_SIZE = 4;

	/**
	 * Reads and writes the JSON of hellos and of metadata the fast path leaves to it.
	 * Fractions are read as {@code BigDecimal}, so that a response echoes a peer's number
	 * as it was sent: as a double, {@code 1e400} would come back as the string
	 * {@code "Infinity"}.
	 */
	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	private FrameCodec() {
	}

	/**
	 * Encode a frame's body, leaving {@code headroom} zero bytes in front for a
	 * transport's own prefix, so that prefixing needs no second copy.
	 * @param frame a message or control frame
	 * @param headroom bytes to reserve in front of the body
	 * @return the encoded bytes
	 */
	public static byte[] encodeBody(Frame frame, int headroom) {
		if (frame instanceof MessageFrame message) {
			return encodeMessage(message, headroom);
		}
		if (frame instanceof ControlFrame control) {
			byte[] bytes = new byte[headroom + 1];
			bytes[headroom] = control.code();
			return bytes;
		}
		throw new IllegalArgumentException("Frame " + frame + " has no body encoding");
	}

	/**
	 * Encode a frame as it travels on a stream: hello and refusal in their handshake
	 * form, everything else as a length-prefixed body.
	 * @param frame the frame
	 * @return the bytes to write
	 */
	public static byte[] encodeForStream(Frame frame) {
		if (frame instanceof Hello hello) {
			byte[] json = encodeHelloJson(hello);
			byte[] bytes = new byte[json.length + 1];
			System.arraycopy(json, 0, bytes, 0, json.length);
			bytes[json.length] = HELLO_END;
			return bytes;
		}
		if (frame instanceof Refusal refusal) {
			byte[] json = encodeRefusalJson(refusal);
			byte[] bytes = new byte[json.length + 1];
			bytes[0] = REFUSAL_START;
			System.arraycopy(json, 0, bytes, 1, json.length);
			return bytes;
		}
		byte[] bytes = encodeBody(frame, LENGTH_PREFIX);
		writeInt(bytes, 0, bytes.length - LENGTH_PREFIX);
		return bytes;
	}

	public static byte[] encodeHelloJson(Hello hello) {
		return JSON.writeValueAsBytes(hello.fields());
	}

	/**
	 * Encode a refusal's JSON, without the stream's 0x04 marker: message-based transports
	 * mark a refusal by how they carry it.
	 * @param refusal the refusal
	 * @return the JSON object {@code {"reason": ...}}
	 */
	public static byte[] encodeRefusalJson(Refusal refusal) {
		return JSON.writeValueAsBytes(Map.of("reason", refusal.reason()));
	}

	private static byte[] encodeMessage(MessageFrame message, int headroom) {
		// the common metadata is written in place; only the general path needs an
		// array of its own
		int commonSize = MetadataJson.size(message.metadata());
		byte[] general = (commonSize < 0) ? encodeGeneralMetadata(message.metadata()) : null;
		int metadataLength = (general != null) ? general.length : commonSize;
		byte[] payload = message.payload();
		byte[] bytes = new byte[headroom + 1 + META_END_SIZE + metadataLength + payload.length];
		int at = writeMessageHead(bytes, headroom, metadataLength);
		if (general != null) {
			System.arraycopy(general, 0, bytes, at, metadataLength);
		}
		else {
			MetadataJson.write(message.metadata(), bytes, at);
		}
		System.arraycopy(payload, 0, bytes, at + metadataLength, payload.length);
		return bytes;
	}

	/**
	 * The size of a message's head on a stream, everything before its payload: length
	 * prefix, frame code, metadata end and metadata; for a transport that writes the
	 * parts straight into its own buffer rather than into an array of the whole frame.
	 * @param message the message
	 * @return the size in bytes, or -1 when its metadata needs the general path, which
	 * only {@link #encodeForStream} writes
	 */
	public static int streamHeadSize(MessageFrame message) {
		int metadataLength = MetadataJson.size(message.metadata());
		return (metadataLength < 0) ? -1 : LENGTH_PREFIX + 1 + META_END_SIZE + metadataLength;
	}

	/**
	 * Write a message's head on a stream, the bytes {@link #encodeForStream} writes
	 * before the payload.
	 * @param message a message whose {@link #streamHeadSize} is not -1
	 * @param headSize that size
	 * @param bytes where the head goes, from index 0
	 */
	public static void writeStreamHead(MessageFrame message, int headSize, byte[] bytes) {
		writeInt(bytes, 0, headSize - LENGTH_PREFIX + message.payload().length);
		int at = writeMessageHead(bytes, LENGTH_PREFIX, headSize - LENGTH_PREFIX - 1 - META_END_SIZE);
		MetadataJson.write(message.metadata(), bytes, at);
	}

	/**
	 * Write a message body's frame code and metadata end.
	 * @return where the metadata goes
	 */
	private static int writeMessageHead(byte[] bytes, int at, int metadataLength) {
		bytes[at] = MESSAGE;
		writeInt(bytes, at + 1, META_END_SIZE + metadataLength);
		return at + 1 + META_END_SIZE;
	}

	/**
	 * The size a message will have on the wire, without its length prefix.
	 * @param metadata the metadata
	 * @param payloadLength the payload length
	 * @return the body size in bytes
	 */
	public static int bodySize(Metadata metadata, int payloadLength) {
		int commonSize = MetadataJson.size(metadata);
		int metadataLength = (commonSize >= 0) ? commonSize : encodeGeneralMetadata(metadata).length;
		return 1 + META_END_SIZE + metadataLength + payloadLength;
	}

	/**
	 * Encode metadata as its JSON object alone, for a carrier that frames messages its
	 * own way (communica's RabbitMQ bodies).
	 * @param metadata the metadata
	 * @return the JSON
	 */
	public static byte[] encodeMetadataJson(Metadata metadata) {
		return encodeGeneralMetadata(metadata);
	}

	private static byte[] encodeGeneralMetadata(Metadata metadata) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("id", metadata.id());
		fields.put("type", metadata.type());
		if (metadata.route() != null) {
			fields.put("route", metadata.route());
		}
		metadata.extra().forEach(fields::putIfAbsent);
		return JSON.writeValueAsBytes(fields);
	}

	/**
	 * Decode a frame body (the bytes after the length prefix).
	 * @param body the buffer
	 * @param offset where the body starts
	 * @param length the body length, already checked against the maximum frame size
	 * @return the frame
	 * @throws ProtocolException if the body is malformed
	 */
	public static Frame decodeBody(byte[] body, int offset, int length) {
		if (length < 1) {
			throw new ProtocolException("Empty frame");
		}
		byte code = body[offset];
		return switch (code) {
			case MESSAGE -> decodeMessage(body, offset, length);
			case CLOSE_NOTIFY -> ControlFrame.CLOSE_NOTIFY;
			case PING -> ControlFrame.PING;
			case PONG -> ControlFrame.PONG;
			case CHUNK ->
				throw new ProtocolException("Chunked messages are not supported (they exceed any frame limit)");
			default -> throw new ProtocolException(String.format("Unknown frame code 0x%02X", code));
		};
	}

	private static MessageFrame decodeMessage(byte[] body, int offset, int length) {
		if (length < 1 + META_END_SIZE) {
			throw new ProtocolException("Message frame of " + length + " bytes is too short for its header");
		}
		long metaEnd = readUnsignedInt(body, offset + 1);
		if (metaEnd < META_END_SIZE || 1 + metaEnd > length) {
			throw new ProtocolException(
					"Message metadata end " + metaEnd + " lies outside the " + length + "-byte frame");
		}
		int metaStart = offset + 1 + META_END_SIZE;
		int metaLength = (int) metaEnd - META_END_SIZE;
		Metadata metadata = decodeMetadata(body, metaStart, metaLength);
		int payloadStart = offset + 1 + (int) metaEnd;
		byte[] payload = new byte[offset + length - payloadStart];
		System.arraycopy(body, payloadStart, payload, 0, payload.length);
		return new MessageFrame(metadata, payload);
	}

	/**
	 * Decode a message frame whose parts a stream decoder has already cut apart, so that
	 * the payload is not copied out of a whole-body buffer a second time.
	 * @param metadataJson the metadata's JSON bytes
	 * @param payload the payload, used as it is
	 * @return the frame
	 * @throws ProtocolException if the metadata is malformed
	 */
	public static MessageFrame decodeMessage(byte[] metadataJson, byte[] payload) {
		return decodeMessage(metadataJson, 0, metadataJson.length, payload);
	}

	/**
	 * Decode a message frame whose metadata lies in part of a buffer the caller reuses:
	 * the metadata keeps nothing of those bytes.
	 * @param buffer holds the metadata's JSON bytes
	 * @param offset where they start
	 * @param length how many there are
	 * @param payload the payload, used as it is
	 * @return the frame
	 * @throws ProtocolException if the metadata is malformed
	 */
	public static MessageFrame decodeMessage(byte[] buffer, int offset, int length, byte[] payload) {
		return new MessageFrame(decodeMetadata(buffer, offset, length), payload);
	}

	@SuppressWarnings("unchecked")
	private static Metadata decodeMetadata(byte[] bytes, int offset, int length) {
		Metadata common = MetadataJson.decode(bytes, offset, length);
		if (common != null) {
			return common;
		}
		requireUtf8(bytes, offset, length, "Message metadata");
		Map<String, Object> fields;
		try {
			fields = JSON.readValue(bytes, offset, length, LinkedHashMap.class);
		}
		catch (JacksonException ex) {
			throw new ProtocolException("Message metadata is not a JSON object", ex);
		}
		if (fields == null) {
			throw new ProtocolException("Message metadata is not a JSON object");
		}
		if (!(fields.remove("id") instanceof String id)) {
			throw new ProtocolException("Message metadata has no string 'id'");
		}
		Object type = fields.remove("type");
		if (!(type instanceof Integer || type instanceof Long)
				|| ((Number) type).longValue() != ((Number) type).intValue()) {
			throw new ProtocolException("Message metadata has no integer 'type'");
		}
		Object route = fields.remove("route");
		if (route != null && !(route instanceof String)) {
			throw new ProtocolException("Message metadata 'route' is not a string");
		}
		return new Metadata(id, ((Number) type).intValue(), (String) route, fields.isEmpty() ? Map.of() : fields);
	}

	/**
	 * Decode a hello's JSON (without its terminator).
	 * @param bytes the buffer
	 * @param offset where the JSON starts
	 * @param length its length
	 * @return the hello
	 * @throws ProtocolException if it is not a JSON object
	 */
	@SuppressWarnings("unchecked")
	public static Hello decodeHello(byte[] bytes, int offset, int length) {
		requireUtf8(bytes, offset, length, "Hello");
		try {
			Map<String, Object> fields = JSON.readValue(bytes, offset, length, LinkedHashMap.class);
			if (fields == null) {
				throw new ProtocolException("Hello is not a JSON object");
			}
			return new Hello(fields);
		}
		catch (JacksonException ex) {
			throw new ProtocolException("Hello is not a JSON object", ex);
		}
	}

	/**
	 * Refuse JSON that is not UTF-8 before Jackson reads it: Jackson's reader lets some
	 * such bytes through in keys (a sequence beyond U+10FFFF becomes half a surrogate
	 * pair, and its cache of names pads short keys with 0xFF bytes, so a cached
	 * {@code "%"} answers for {@code "\xFF%"}), and what it makes of them no reader takes
	 * back when a response echoes them.
	 */
	private static void requireUtf8(byte[] bytes, int offset, int length, String what) {
		for (int i = offset; i < offset + length; i++) {
			if (bytes[i] < 0) {
				try {
					StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, offset, length));
				}
				catch (CharacterCodingException ex) {
					throw new ProtocolException(what + " is not UTF-8", ex);
				}
				return;
			}
		}
	}

	/**
	 * Decode a refusal's JSON (the bytes after the 0x04 marker).
	 * @param bytes the buffer
	 * @param offset where the JSON starts
	 * @param length its length
	 * @return the refusal, with a placeholder reason when the JSON is unreadable
	 */
	public static Refusal decodeRefusal(byte[] bytes, int offset, int length) {
		try {
			Map<?, ?> fields = JSON.readValue(bytes, offset, length, Map.class);
			if (fields != null && fields.get("reason") != null) {
				return new Refusal(String.valueOf(fields.get("reason")));
			}
		}
		catch (JacksonException ex) {
			// an unreadable reason still means the connection was refused
		}
		return new Refusal(new String(bytes, offset, length, StandardCharsets.UTF_8));
	}

	public static long readUnsignedInt(byte[] bytes, int at) {
		return ((bytes[at] & 0xFFL) << 24) | ((bytes[at + 1] & 0xFFL) << 16) | ((bytes[at + 2] & 0xFFL) << 8)
				| (bytes[at + 3] & 0xFFL);
	}

	private static void writeInt(byte[] bytes, int at, int value) {
		bytes[at] = (byte) (value >>> 24);
		bytes[at + 1] = (byte) (value >>> 16);
		bytes[at + 2] = (byte) (value >>> 8);
		bytes[at + 3] = (byte) value;
	}

}
