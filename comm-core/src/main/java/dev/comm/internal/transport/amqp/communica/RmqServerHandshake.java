package dev.comm.internal.transport.amqp.communica;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.comm.internal.transport.amqp.broker.AmqpBroker;
import dev.comm.protocol.FrameCodec;
import dev.comm.protocol.Hello;
import dev.comm.protocol.ProtocolException;
import dev.comm.transport.PeerIdentity;

/**
 * The server's half of one communica connect attempt: answer the connect request with an
 * exclusive queue of its own, trade hellos, declare the client's two durable queues and
 * hand a {@link RmqConnection} to the listener. A client that does not send its hello
 * within {@link #TIMEOUT} is sent a {@code communica_handshake_fail}.
 */
final class RmqServerHandshake {

	/** communica's HANDSHAKE_TIMEOUT. */
	static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final Logger logger = LoggerFactory.getLogger(RmqServerHandshake.class);

	private final RmqServiceListener listener;

	private final String connectorClientId;

	private final String clientQueue;

	private final AtomicBoolean finished = new AtomicBoolean();

	private Channel channel;

	private String serverQueue;

	private ScheduledFuture<?> timeout;

	RmqServerHandshake(RmqServiceListener listener, String connectorClientId, String clientQueue) {
		this.listener = listener;
		this.connectorClientId = connectorClientId;
		this.clientQueue = clientQueue;
	}

	/**
	 * Declare this side's handshake queue, answer the connect request and send the
	 * server's hello; the client's hello is awaited on the new channel.
	 * @throws IOException if the broker refuses any of it
	 */
	void begin() throws IOException {
		this.channel = this.listener.broker().openChannel();
		this.timeout = this.listener.scheduler()
			.schedule(() -> fail("Response timeout exceeded when connection is established"), TIMEOUT.toMillis(),
					TimeUnit.MILLISECONDS);
		try {
			this.serverQueue = this.channel.queueDeclare().getQueue();
			this.channel.queueBind(this.serverQueue, RmqNames.EXCHANGE, this.serverQueue);
			this.channel.basicConsume(this.serverQueue, true, new Replies(this.channel));
			publish(RmqNames.CONNECT_OK, new byte[0], this.serverQueue);
			publish(RmqNames.HANDSHAKE_NEXT, FrameCodec.encodeHelloJson(new Hello(Map.of("hello", "hello"))), null);
		}
		catch (IOException | RuntimeException ex) {
			this.timeout.cancel(false);
			AmqpBroker.close(this.channel);
			throw ex;
		}
	}

	private void publish(String type, byte[] body, String replyTo) throws IOException {
		AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder().type(type).replyTo(replyTo).build();
		synchronized (this.channel) {
			this.channel.basicPublish(RmqNames.EXCHANGE, this.clientQueue, properties, body);
		}
	}

	private void received(String type, byte[] body) {
		if (RmqNames.HANDSHAKE_FAIL.equals(type)) {
			logger.info("communica client {} gave up its handshake: {}", this.connectorClientId,
					RmqBody.failureReason(body));
			abandon();
			return;
		}
		if (!RmqNames.HANDSHAKE_NEXT.equals(type)) {
			fail("Unknown message in handshake queue");
			return;
		}
		Hello hello;
		try {
			hello = FrameCodec.decodeHello(body, 0, body.length);
		}
		catch (ProtocolException ex) {
			fail("Bad hello: " + ex.getMessage());
			return;
		}
		if (hello.clientId() == null) {
			fail("client_id is not specified");
			return;
		}
		// the rest blocks on the broker: not on this channel's consumer thread
		this.listener.work().execute(() -> complete(hello));
	}

	private void complete(Hello hello) {
		if (!this.finished.compareAndSet(false, true)) {
			return;
		}
		this.timeout.cancel(false);
		String service = this.listener.service();
		String toClient = RmqNames.toClient(service, this.connectorClientId);
		String toServer = RmqNames.toServer(service, this.connectorClientId);
		byte[] connectId = uuidBytes();
		RmqConnection connection = new RmqConnection(this.channel, toClient, toServer, connectId,
				new PeerIdentity(hello.clientId(), hello.features()), true,
				"communica client " + this.connectorClientId + " of " + this.listener.description(),
				this.listener.maxFrameSize(), this.listener.period());
		try {
			this.channel.queueDelete(this.serverQueue);
			this.channel.queueDeclare(toClient, true, false, false, null);
			this.channel.queueBind(toClient, RmqNames.EXCHANGE, toClient);
			this.channel.queueDeclare(toServer, true, false, false, null);
			this.channel.queueBind(toServer, RmqNames.EXCHANGE, toServer);
			publish(RmqNames.HANDSHAKE_DONE, connectId, null);
			connection.open(this.listener.scheduler());
		}
		catch (IOException | RuntimeException ex) {
			logger.warn("Handshake with communica client {} failed: {}", this.connectorClientId,
					AmqpBroker.rootMessage(ex));
			AmqpBroker.close(this.channel);
			return;
		}
		this.listener.accepted(connection);
	}

	private void fail(String reason) {
		if (!this.finished.compareAndSet(false, true)) {
			return;
		}
		this.timeout.cancel(false);
		try {
			publish(RmqNames.HANDSHAKE_FAIL, RmqBody.failure(reason), null);
		}
		catch (IOException | RuntimeException ex) {
			// the client is unreachable as well
		}
		logger.info("Handshake with communica client {} failed: {}", this.connectorClientId, reason);
		AmqpBroker.close(this.channel);
	}

	private void abandon() {
		if (this.finished.compareAndSet(false, true)) {
			this.timeout.cancel(false);
			AmqpBroker.close(this.channel);
		}
	}

	private static byte[] uuidBytes() {
		UUID uuid = UUID.randomUUID();
		byte[] bytes = new byte[16];
		long high = uuid.getMostSignificantBits();
		long low = uuid.getLeastSignificantBits();
		for (int i = 0; i < 8; i++) {
			bytes[i] = (byte) (high >>> (56 - 8 * i));
			bytes[8 + i] = (byte) (low >>> (56 - 8 * i));
		}
		return bytes;
	}

	private final class Replies extends DefaultConsumer {

		Replies(Channel channel) {
			super(channel);
		}

		@Override
		public void handleDelivery(String consumerTag, Envelope envelope, AMQP.BasicProperties properties,
				byte[] body) {
			received(properties.getType(), body);
		}

	}

}
