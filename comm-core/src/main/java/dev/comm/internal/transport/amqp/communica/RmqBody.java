package dev.comm.internal.transport.amqp.communica;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import dev.comm.protocol.FrameCodec;
import dev.comm.protocol.MessageFrame;
import dev.comm.protocol.ProtocolException;

/**
 * The body of a communica {@code message} delivery: the metadata's JSON, one {@code 0x00}
 * byte, the payload. JSON never contains a raw {@code 0x00}, so the first one ends the
 * metadata.
 */
final class RmqBody {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private RmqBody() {
	}

	static byte[] encode(MessageFrame message) {
		byte[] json = FrameCodec.encodeMetadataJson(message.metadata());
		byte[] body = new byte[json.length + 1 + message.payload().length];
		System.arraycopy(json, 0, body, 0, json.length);
		System.arraycopy(message.payload(), 0, body, json.length + 1, message.payload().length);
		return body;
	}

	/**
	 * Read a body.
	 * @param body the delivery's body
	 * @return the message
	 * @throws ProtocolException without the separator or with malformed metadata
	 */
	static MessageFrame decode(byte[] body) {
		int separator = -1;
		for (int i = 0; i < body.length; i++) {
			if (body[i] == 0) {
				separator = i;
				break;
			}
		}
		if (separator < 0) {
			throw new ProtocolException("A communica message body has no 0x00 after its metadata");
		}
		byte[] metadata = new byte[separator];
		System.arraycopy(body, 0, metadata, 0, separator);
		byte[] payload = new byte[body.length - separator - 1];
		System.arraycopy(body, separator + 1, payload, 0, payload.length);
		return FrameCodec.decodeMessage(metadata, payload);
	}

	/**
	 * The connector's client id in a connect request: a JSON string.
	 * @param body the request's body
	 * @return the id
	 * @throws ProtocolException if the body is not a non-empty JSON string
	 */
	static String clientId(byte[] body) {
		Object value;
		try {
			value = JSON.readValue(body, Object.class);
		}
		catch (JacksonException ex) {
			throw new ProtocolException("A communica connect request's body is not JSON", ex);
		}
		if (!(value instanceof String id) || id.isEmpty()) {
			throw new ProtocolException("A communica connect request's body is not a client id string");
		}
		return id;
	}

	static byte[] clientIdJson(String clientId) {
		return JSON.writeValueAsBytes(clientId);
	}

	static byte[] failure(String reason) {
		return JSON.writeValueAsBytes(Map.of("reason", reason));
	}

	static String failureReason(byte[] body) {
		try {
			Object value = JSON.readValue(body, Object.class);
			if (value instanceof Map<?, ?> map && map.get("reason") != null) {
				return String.valueOf(map.get("reason"));
			}
		}
		catch (JacksonException ex) {
			// fall through to the raw text
		}
		return new String(body, StandardCharsets.UTF_8);
	}

}
