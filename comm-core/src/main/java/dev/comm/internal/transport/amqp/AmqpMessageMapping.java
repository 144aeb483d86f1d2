package dev.comm.internal.transport.amqp;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.LongString;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import dev.comm.protocol.MessageFrame;
import dev.comm.protocol.MessageType;
import dev.comm.protocol.Metadata;
import dev.comm.protocol.ProtocolException;

/**
 * Maps a comm message to AMQP properties and headers and back (docs/PROTOCOL.md, AMQP
 * mapping). Only metadata crosses here; correlation, errors and dispatch stay in the
 * link.
 */
final class AmqpMessageMapping {

	/** Bytes an AMQP short string (correlation_id, reply_to, app_id) may have. */
	static final int SHORT_STRING_MAX = 255;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private AmqpMessageMapping() {
	}

	/**
	 * A message as it arrived, with where to answer it.
	 *
	 * @param frame the comm message
	 * @param replyTo the queue that answers go to, or {@code null}
	 * @param appId the sender's client id, or {@code null}
	 */
	record Inbound(MessageFrame frame, String replyTo, String appId) {

		/**
		 * Which caller the message belongs to: its reply queue, else its client id.
		 * @return the key of the caller's connection
		 */
		String callerKey() {
			if (this.replyTo != null) {
				return "reply:" + this.replyTo;
			}
			return (this.appId != null) ? "app:" + this.appId : "anonymous";
		}

	}

	/**
	 * Read a delivery.
	 * @param properties its properties
	 * @param body its body
	 * @return the message
	 * @throws ProtocolException if the properties break the mapping; the message says
	 * which
	 */
	static Inbound read(AMQP.BasicProperties properties, byte[] body) {
		Map<String, Object> headers = (properties.getHeaders() != null) ? properties.getHeaders() : Map.of();
		String replyTo = blankToNull(properties.getReplyTo());
		String correlationId = blankToNull(properties.getCorrelationId());
		int type = type(headers.get(AmqpHeaders.TYPE), replyTo, correlationId);
		Object route = headers.get(AmqpHeaders.ROUTE);
		if (route != null && !(route instanceof String || route instanceof LongString)) {
			throw new ProtocolException("Header '" + AmqpHeaders.ROUTE + "' is not a string");
		}
		String id = (type == MessageType.THROW) ? "" : correlationId;
		if (id == null) {
			throw new ProtocolException("A message of type " + type + " needs a correlation_id");
		}
		if ((type == MessageType.REQUEST || type == MessageType.STREAM_REQUEST) && replyTo == null) {
			throw new ProtocolException("A request needs a reply_to queue for its answer");
		}
		Metadata metadata = new Metadata(id, type, (route != null) ? route.toString() : null, extraKeys(headers));
		return new Inbound(new MessageFrame(metadata, body), replyTo, blankToNull(properties.getAppId()));
	}

	/**
	 * The metadata keys besides id, type and route: the string headers named
	 * {@code comm-meta-<key>}. Other headers (the broker's, a client library's) are not
	 * metadata.
	 */
	private static Map<String, Object> extraKeys(Map<String, Object> headers) {
		Map<String, Object> extra = null;
		for (Map.Entry<String, Object> header : headers.entrySet()) {
			String name = header.getKey();
			Object value = header.getValue();
			if (name.startsWith(AmqpHeaders.META_PREFIX) && (value instanceof String || value instanceof LongString
					|| value instanceof Integer || value instanceof Long)) {
				if (extra == null) {
					extra = new LinkedHashMap<>();
				}
				extra.put(name.substring(AmqpHeaders.META_PREFIX.length()),
						(value instanceof Number) ? value : value.toString());
			}
		}
		return (extra != null) ? extra : Map.of();
	}

	private static int type(Object header, String replyTo, String correlationId) {
		if (header == null) {
			// a plain AMQP client may leave the type out: what it sent is then clear from
			// whether it waits for an answer
			return (replyTo != null && correlationId != null) ? MessageType.REQUEST : MessageType.THROW;
		}
		if (header instanceof Integer || header instanceof Short || header instanceof Byte) {
			return ((Number) header).intValue();
		}
		if (header instanceof Long value && value == value.intValue()) {
			return value.intValue();
		}
		if (header instanceof String || header instanceof LongString) {
			// command-line clients can only write string headers
			try {
				return Integer.parseInt(header.toString());
			}
			catch (NumberFormatException ex) {
				// reported below
			}
		}
		throw new ProtocolException("Header '" + AmqpHeaders.TYPE + "' is not a 32-bit integer");
	}

	/**
	 * Build the AMQP message for a frame.
	 * @param frame the comm message
	 * @param replyTo the queue where answers to it go, or {@code null}
	 * @param appId this side's client id, or {@code null}
	 * @return the message to publish
	 */
	static Message write(MessageFrame frame, String replyTo, String appId) {
		Metadata metadata = frame.metadata();
		MessageProperties properties = new MessageProperties();
		properties.setHeader(AmqpHeaders.TYPE, metadata.type());
		if (metadata.route() != null) {
			properties.setHeader(AmqpHeaders.ROUTE, metadata.route());
		}
		metadata.extra().forEach((key, value) -> {
			// a trace context, a stream's credit and the like; only strings and integers
			// are carried, under names that
			// fit an AMQP short string
			String name = AmqpHeaders.META_PREFIX + key;
			if ((value instanceof String || value instanceof Integer || value instanceof Long)
					&& name.getBytes(StandardCharsets.UTF_8).length <= SHORT_STRING_MAX) {
				properties.setHeader(name, value);
			}
		});
		if (!metadata.id().isEmpty()) {
			properties.setCorrelationId(metadata.id());
		}
		if (replyTo != null) {
			properties.setReplyTo(replyTo);
		}
		if (appId != null && appId.getBytes(StandardCharsets.UTF_8).length <= SHORT_STRING_MAX) {
			// app_id is an AMQP short string; a longer client id is left out, and the
			// reply queue then identifies the caller
			properties.setAppId(appId);
		}
		// requests and throws wait in a durable queue for an instance, so they must
		// survive a broker restart; answers go to exclusive queues that do not
		properties.setDeliveryMode(MessageType.isInbound(metadata.type()) ? MessageDeliveryMode.PERSISTENT
				: MessageDeliveryMode.NON_PERSISTENT);
		if (metadata.type() >= MessageType.HANDLER_ERROR) {
			addErrorHeaders(properties, frame.payload());
		}
		return new Message(frame.payload(), properties);
	}

	private static void addErrorHeaders(MessageProperties properties, byte[] errorBody) {
		try {
			Map<?, ?> fields = JSON.readValue(errorBody, Map.class);
			if (fields != null && fields.get("error") instanceof String kind) {
				properties.setHeader(AmqpHeaders.ERROR, kind);
			}
			if (fields != null && fields.get("code") instanceof Number code) {
				properties.setHeader(AmqpHeaders.ERROR_CODE, code.intValue());
			}
		}
		catch (JacksonException ex) {
			// the link wrote the body; if it is not JSON the headers are only left out
		}
	}

	private static String blankToNull(String text) {
		return (text == null || text.isEmpty()) ? null : text;
	}

}
