package dev.comm.internal.transport.amqp.communica;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.ShutdownSignalException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.comm.CommConnectionLostException;
import dev.comm.internal.transport.amqp.broker.AbstractAmqpConnection;
import dev.comm.internal.transport.amqp.broker.AmqpBroker;
import dev.comm.protocol.Frame;
import dev.comm.protocol.FrameTooLargeException;
import dev.comm.protocol.MessageFrame;
import dev.comm.protocol.ProtocolException;
import dev.comm.transport.PeerIdentity;

/**
 * One communica RmqConnector connection after its handshake: it consumes one durable
 * queue of the client and publishes to the other, on a channel of its own. The handshake
 * already told who the peer is, so the link exchanges no hellos over it.
 * <p>
 * Keepalive is communica's: the server side sends {@code listening} when it has sent
 * nothing for a period ({@link #PERIOD} unless a test says otherwise); the client side
 * closes when it has received nothing for one and a half periods. A {@code close} counts
 * only when it carries this connection's connect id: the durable queues may still hold
 * the close of an earlier connection.
 */
final class RmqConnection extends AbstractAmqpConnection {

	/** communica's CONNECTION_CHECK_PERIOD. */
	static final Duration PERIOD = Duration.ofSeconds(20);

	private static final Logger logger = LoggerFactory.getLogger(RmqConnection.class);

	private final Channel channel;

	private final String sendQueue;

	private final String receiveQueue;

	private final byte[] connectId;

	private final PeerIdentity peer;

	private final boolean serverSide;

	private final String remoteAddress;

	private final Duration period;

	private volatile long lastSentNanos = System.nanoTime();

	private volatile long lastReceivedNanos = System.nanoTime();

	private ScheduledFuture<?> keepalive;

	RmqConnection(Channel channel, String sendQueue, String receiveQueue, byte[] connectId, PeerIdentity peer,
			boolean serverSide, String remoteAddress, int maxFrameSize, Duration period) {
		super(maxFrameSize);
		this.channel = channel;
		this.sendQueue = sendQueue;
		this.receiveQueue = receiveQueue;
		this.connectId = connectId.clone();
		this.peer = peer;
		this.serverSide = serverSide;
		this.remoteAddress = remoteAddress;
		this.period = period;
	}

	/**
	 * Consume the receive queue and start the keepalive.
	 * @param scheduler runs the keepalive check
	 * @throws IOException if the broker refuses the consumer
	 */
	void open(ScheduledExecutorService scheduler) throws IOException {
		this.channel.basicConsume(this.receiveQueue, false, new Inbound(this.channel));
		long checkMillis = Math.max(1, Math.min(1000, this.period.toMillis() / 4));
		this.keepalive = scheduler.scheduleWithFixedDelay(this::checkAlive, checkMillis, checkMillis,
				TimeUnit.MILLISECONDS);
	}

	@Override
	public Optional<PeerIdentity> knownPeer() {
		return Optional.of(this.peer);
	}

	@Override
	public CompletableFuture<Void> send(Frame frame) {
		if (!isOpen()) {
			return CompletableFuture
				.failedFuture(new CommConnectionLostException("Connection to " + this.remoteAddress + " is closed"));
		}
		if (!(frame instanceof MessageFrame message)) {
			// the hellos went in the handshake; a close travels as communica's own
			// close, sent by close()
			return CompletableFuture.completedFuture(null);
		}
		try {
			publish(RmqNames.MESSAGE, RmqBody.encode(message));
			return CompletableFuture.completedFuture(null);
		}
		catch (IOException | RuntimeException ex) {
			CommConnectionLostException lost = new CommConnectionLostException(
					"Cannot publish to " + this.remoteAddress + ": " + AmqpBroker.rootMessage(ex), ex);
			closeWith(lost, false);
			return CompletableFuture.failedFuture(lost);
		}
	}

	private void publish(String type, byte[] body) throws IOException {
		AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder().type(type).build();
		// one channel, one writer at a time: the order of sends is the order on the
		// queue
		synchronized (this.channel) {
			this.channel.basicPublish(RmqNames.EXCHANGE, this.sendQueue, properties, body);
		}
		this.lastSentNanos = System.nanoTime();
	}

	private void received(String type, byte[] body) {
		this.lastReceivedNanos = System.nanoTime();
		if (RmqNames.MESSAGE.equals(type)) {
			MessageFrame frame;
			try {
				frame = RmqBody.decode(body);
				FrameTooLargeException.checkReceived(frame, maxFrameSize());
			}
			catch (ProtocolException ex) {
				logger.warn("Closing connection to {}: {}", this.remoteAddress, ex.getMessage());
				closeWith(ex, true);
				return;
			}
			deliver(frame);
		}
		else if (RmqNames.CLOSE.equals(type)) {
			if (Arrays.equals(body, this.connectId)) {
				closeWith(null, false);
			}
			// else the close of an earlier connection, left in the durable queue
		}
		else if (!RmqNames.LISTENING.equals(type)) {
			ProtocolException ex = new ProtocolException(
					"Unknown communica message_type '" + type + "' from " + this.remoteAddress);
			logger.warn("Closing connection to {}: {}", this.remoteAddress, ex.getMessage());
			closeWith(ex, true);
		}
	}

	private void checkAlive() {
		long now = System.nanoTime();
		if (this.serverSide) {
			if (now - this.lastSentNanos >= this.period.toNanos()) {
				try {
					publish(RmqNames.LISTENING, new byte[0]);
				}
				catch (IOException | RuntimeException ex) {
					closeWith(new CommConnectionLostException("Lost " + this.remoteAddress, ex), false);
				}
			}
		}
		else if (now - this.lastReceivedNanos >= this.period.toNanos() * 3 / 2) {
			logger.info("Closing connection to {}: nothing received for {} ms", this.remoteAddress,
					this.period.toMillis() * 3 / 2);
			closeWith(
					new CommConnectionLostException(
							"The communica server at " + this.remoteAddress + " sent nothing, not even 'listening'"),
					true);
		}
	}

	@Override
	public void close() {
		closeWith(null, true);
	}

	private void closeWith(Throwable cause, boolean tellPeer) {
		if (!markClosed(cause)) {
			return;
		}
		if (this.keepalive != null) {
			this.keepalive.cancel(false);
		}
		if (tellPeer && this.channel.isOpen()) {
			try {
				publish(RmqNames.CLOSE, this.connectId);
			}
			catch (IOException | RuntimeException ex) {
				// the broker is gone: the peer learns it its own way
			}
		}
		AmqpBroker.close(this.channel);
	}

	@Override
	public String remoteAddress() {
		return this.remoteAddress;
	}

	private final class Inbound extends DefaultConsumer {

		Inbound(Channel channel) {
			super(channel);
		}

		@Override
		public void handleDelivery(String consumerTag, Envelope envelope, AMQP.BasicProperties properties, byte[] body)
				throws IOException {
			// acknowledged once dispatched, not once handled, as communica does
			received(properties.getType(), body);
			if (getChannel().isOpen()) {
				getChannel().basicAck(envelope.getDeliveryTag(), false);
			}
		}

		@Override
		public void handleCancel(String consumerTag) {
			closeWith(new CommConnectionLostException("The broker cancelled the queue of " + remoteAddress), false);
		}

		@Override
		public void handleShutdownSignal(String consumerTag, ShutdownSignalException signal) {
			closeWith(new CommConnectionLostException("Lost the broker connection: " + signal.getMessage(), signal),
					false);
		}

	}

}
