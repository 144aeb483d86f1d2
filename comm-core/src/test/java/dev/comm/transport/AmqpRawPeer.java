package dev.comm.transport;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;

import dev.comm.protocol.Features;
import dev.comm.protocol.Frame;
import dev.comm.protocol.FrameCodec;
import dev.comm.protocol.Hello;
import dev.comm.protocol.MessageFrame;
import dev.comm.protocol.MessageType;
import dev.comm.protocol.Metadata;
import dev.comm.testing.RabbitBroker;

/**
 * A caller written against docs/PROTOCOL.md's AMQP mapping with the plain RabbitMQ Java
 * client, sharing no code with comm's transport. AMQP has no handshake, so its "hello"
 * only records the client id it will put in {@code app_id}, and the listener's hello is
 * the one the mapping implies.
 */
final class AmqpRawPeer extends RawPeer {

	/** The prefix of the headers that carry metadata keys besides id, type and route. */
	private static final String META = "comm-meta-";

	private final com.rabbitmq.client.Connection connection;

	private final Channel channel;

	private final String serviceQueue;

	private final String replyQueue = "raw.reply." + UUID.randomUUID();

	/**
	 * The instance queue of each stream, named by its items' {@code reply_to}: where its
	 * credit and cancel go.
	 */
	private final Map<String, String> instances = new ConcurrentHashMap<>();

	private String clientId;

	AmqpRawPeer(String service) throws Exception {
		this.serviceQueue = "comm.service." + service;
		this.connection = RabbitBroker.plainConnection();
		this.channel = this.connection.createChannel();
		this.channel.queueDeclare(this.replyQueue, false, true, true, null);
		this.channel.basicConsume(this.replyQueue, true, new DefaultConsumer(this.channel) {
			@Override
			public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
				received(toFrame(properties, body));
			}
		});
	}

	private MessageFrame toFrame(AMQP.BasicProperties properties, byte[] body) {
		Map<String, Object> headers = properties.getHeaders();
		Object route = headers.get("comm-route");
		int type = ((Number) headers.get("comm-type")).intValue();
		Map<String, Object> extra = new HashMap<>();
		headers.forEach((name, value) -> {
			if (name.startsWith(META)) {
				extra.put(name.substring(META.length()), (value instanceof Number) ? value : value.toString());
			}
		});
		if ((type == MessageType.ITEM || type == MessageType.END) && properties.getReplyTo() != null) {
			this.instances.put(properties.getCorrelationId(), properties.getReplyTo());
		}
		return new MessageFrame(
				new Metadata(properties.getCorrelationId(), type, (route != null) ? route.toString() : null, extra),
				body);
	}

	@Override
	void send(Frame frame) throws IOException {
		if (frame instanceof Hello hello) {
			this.clientId = hello.clientId();
			received(Hello.server(Features.BROKERED));
			return;
		}
		MessageFrame message = (MessageFrame) frame;
		Metadata metadata = message.metadata();
		Map<String, Object> headers = new HashMap<>();
		headers.put("comm-type", metadata.type());
		if (metadata.route() != null) {
			headers.put("comm-route", metadata.route());
		}
		metadata.extra().forEach((key, value) -> {
			// the mapping carries strings and integers only; anything else is left out
			if (value instanceof String || value instanceof Integer || value instanceof Long) {
				headers.put(META + key, value);
			}
		});
		boolean toInstance = metadata.type() == MessageType.CREDIT || metadata.type() == MessageType.CANCEL;
		String queue = toInstance ? this.instances.getOrDefault(metadata.id(), this.serviceQueue) : this.serviceQueue;
		publish(queue, headers, metadata.id(), message.payload());
	}

	private void publish(Map<String, Object> headers, String correlationId, byte[] body) throws IOException {
		publish(this.serviceQueue, headers, correlationId, body);
	}

	private void publish(String queue, Map<String, Object> headers, String correlationId, byte[] body)
			throws IOException {
		AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder().headers(headers)
			.correlationId(correlationId)
			.replyTo(this.replyQueue)
			.appId(this.clientId)
			.deliveryMode(2)
			.build();
		this.channel.basicPublish("", queue, properties, body);
	}

	/**
	 * Over AMQP, a message that breaks the mapping is rejected: answered with a requester
	 * fault when it names a reply queue and a correlation id, dropped otherwise. Nothing
	 * closes, because a caller has no connection of its own to the listener.
	 */
	@Override
	void sendGarbage(Garbage garbage, int maxFrameSize) throws IOException {
		switch (garbage) {
			case NOISE ->
				publish(Map.of("comm-type", "not a number", "comm-route", "length"), "noise-1", new byte[] { 1, 2, 3 });
			case UNKNOWN_FRAME ->
				publish(Map.of("comm-type", 1L << 40, "comm-route", "length"), "huge-type-1", "\"x\"".getBytes());
			case MALFORMED_METADATA ->
				publish(Map.of("comm-type", 1, "comm-route", 42), "bad-route-1", "\"x\"".getBytes());
			case MISSING_ID -> publish(Map.of("comm-type", 1, "comm-route", "length"), null, "\"x\"".getBytes());
			case OVERSIZE_FRAME -> {
				Metadata metadata = Metadata.of("big-1", MessageType.REQUEST, "length");
				int payload = maxFrameSize + 1 - FrameCodec.bodySize(metadata, 0);
				publish(Map.of("comm-type", 1, "comm-route", "length"), "big-1", new byte[payload]);
			}
		}
	}

	@Override
	public void close() {
		try {
			this.connection.close();
		}
		catch (IOException ex) {
			// already closed
		}
	}

}
