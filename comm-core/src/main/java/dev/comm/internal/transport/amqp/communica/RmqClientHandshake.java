package dev.comm.internal.transport.amqp.communica;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Delivery;

import dev.comm.CommConnectionLostException;
import dev.comm.CommException;
import dev.comm.internal.transport.amqp.broker.AmqpBroker;
import dev.comm.protocol.FrameCodec;
import dev.comm.protocol.Hello;
import dev.comm.protocol.ProtocolException;
import dev.comm.transport.PeerIdentity;

/**
 * The client's half of a communica connect: send a connect request to the service's
 * connect queue, trade hellos with the server over the two exclusive handshake queues,
 * and take the connect id that opens the client's two durable queues. It blocks the
 * calling thread, at most for the connect timeout in all.
 * <p>
 * communica's own client waits without end for a server to answer; comm gives up after
 * the connect timeout so that its connector can report the failure and dial again. The
 * connect request expires on the broker at the same moment, so that a server started
 * later does not answer every attempt that gave up.
 */
final class RmqClientHandshake {

	private static final Delivery CHANNEL_LOST = new Delivery(null, null, null);

	private final AmqpBroker broker;

	private final String service;

	private final String clientId;

	private final String entityClientId;

	private final Duration timeout;

	private final BlockingQueue<Delivery> inbox = new LinkedBlockingQueue<>();

	private long deadlineNanos;

	/**
	 * @param broker the broker
	 * @param service the service (communica's {@code address})
	 * @param clientId the connector's client id, which names the durable queues
	 * @param entityClientId the client id the hello announces
	 * @param timeout how long the whole handshake may take
	 */
	RmqClientHandshake(AmqpBroker broker, String service, String clientId, String entityClientId, Duration timeout) {
		this.broker = broker;
		this.service = service;
		this.clientId = clientId;
		this.entityClientId = entityClientId;
		this.timeout = timeout;
	}

	/**
	 * Connect.
	 * @param scheduler runs the connection's keepalive check
	 * @param maxFrameSize the largest message accepted or sent
	 * @param keepalivePeriod the server's keepalive period: the connection closes when it
	 * has heard nothing for one and a half
	 * @return the open connection
	 * @throws CommConnectionLostException if the broker cannot be reached, no server
	 * answers in time, or the server refuses
	 */
	RmqConnection connect(ScheduledExecutorService scheduler, int maxFrameSize, Duration keepalivePeriod) {
		this.deadlineNanos = System.nanoTime() + this.timeout.toNanos();
		Channel channel = this.broker.openChannel();
		try {
			channel.exchangeDeclare(RmqNames.EXCHANGE, BuiltinExchangeType.DIRECT, true);
			String ownQueue = channel.queueDeclare().getQueue();
			channel.queueBind(ownQueue, RmqNames.EXCHANGE, ownQueue);
			String consumer = channel.basicConsume(ownQueue, true, (tag, delivery) -> this.inbox.add(delivery),
					(tag) -> this.inbox.add(CHANNEL_LOST), (tag, signal) -> this.inbox.add(CHANNEL_LOST));
			publish(channel, RmqNames.connectQueue(this.service), RmqNames.CONNECT, RmqBody.clientIdJson(this.clientId),
					ownQueue, true);
			Delivery accepted = next(RmqNames.CONNECT_OK, "no communica server of service '" + this.service
					+ "' answered the connect request (is one consuming " + RmqNames.connectQueue(this.service) + "?)");
			String serverQueue = accepted.getProperties().getReplyTo();
			if (serverQueue == null) {
				throw new ProtocolException("The communica server's connect response names no handshake queue");
			}
			byte[] connectId;
			PeerIdentity server;
			try {
				publish(channel, serverQueue, RmqNames.HANDSHAKE_NEXT,
						FrameCodec.encodeHelloJson(Hello.client(this.entityClientId, Set.of())), null, false);
				Delivery hello = next(RmqNames.HANDSHAKE_NEXT, "the communica server sent no hello");
				Hello serverHello = FrameCodec.decodeHello(hello.getBody(), 0, hello.getBody().length);
				server = new PeerIdentity(serverHello.clientId(), Set.of());
				connectId = next(RmqNames.HANDSHAKE_DONE, "the communica server did not confirm the handshake")
					.getBody();
			}
			catch (CommException ex) {
				// tell the server at once rather than let it wait for its own timeout
				publishQuietly(channel, serverQueue, RmqBody.failure(ex.getMessage()));
				throw ex;
			}
			channel.basicCancel(consumer);
			channel.queueDelete(ownQueue);
			String remote = "communica service '" + this.service + "' at " + this.broker.description();
			RmqConnection connection = new RmqConnection(channel, RmqNames.toServer(this.service, this.clientId),
					RmqNames.toClient(this.service, this.clientId), connectId, server, false, remote, maxFrameSize,
					keepalivePeriod);
			connection.open(scheduler);
			return connection;
		}
		catch (IOException | RuntimeException ex) {
			AmqpBroker.close(channel);
			if (ex instanceof CommConnectionLostException lost) {
				throw lost;
			}
			throw new CommConnectionLostException("Cannot connect to communica service '" + this.service + "' at "
					+ this.broker.description() + ": " + AmqpBroker.rootMessage(ex), ex);
		}
	}

	/**
	 * The next message on this side's handshake queue, which must be of the expected
	 * type.
	 */
	private Delivery next(String expectedType, String silence) {
		Delivery delivery;
		try {
			delivery = this.inbox.poll(Math.max(0, this.deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CommConnectionLostException(
					"Interrupted while connecting to communica service '" + this.service + "'", ex);
		}
		if (delivery == null) {
			throw new CommConnectionLostException(
					"Cannot connect to communica service '" + this.service + "' at " + this.broker.description() + ": "
							+ silence + " within " + this.timeout.toMillis() + " ms (comm.connect-timeout)");
		}
		if (delivery == CHANNEL_LOST) {
			throw new CommConnectionLostException("Lost the broker at " + this.broker.description()
					+ " while connecting to communica service '" + this.service + "'");
		}
		String type = delivery.getProperties().getType();
		if (RmqNames.HANDSHAKE_FAIL.equals(type)) {
			throw new CommConnectionLostException("The communica server of service '" + this.service
					+ "' refused the connection: " + RmqBody.failureReason(delivery.getBody()));
		}
		if (!expectedType.equals(type)) {
			throw new ProtocolException("Expected '" + expectedType + "' from the communica server of service '"
					+ this.service + "', got '" + type + "'");
		}
		return delivery;
	}

	private void publish(Channel channel, String queue, String type, byte[] body, String replyTo, boolean expiring)
			throws IOException {
		AMQP.BasicProperties.Builder properties = new AMQP.BasicProperties.Builder().type(type).replyTo(replyTo);
		if (expiring) {
			long left = TimeUnit.NANOSECONDS.toMillis(this.deadlineNanos - System.nanoTime());
			properties.expiration(Long.toString(Math.max(1, left)));
		}
		channel.basicPublish(RmqNames.EXCHANGE, queue, properties.build(), body);
	}

	private void publishQuietly(Channel channel, String queue, byte[] failure) {
		try {
			publish(channel, queue, RmqNames.HANDSHAKE_FAIL, failure, null, false);
		}
		catch (IOException | RuntimeException ex) {
			// the server times out on its own
		}
	}

}
