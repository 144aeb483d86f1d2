package dev.comm.internal.transport.amqp;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.ShutdownSignalException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.comm.internal.transport.amqp.broker.AbstractAmqpConnection;
import dev.comm.internal.transport.amqp.broker.AmqpBroker;
import dev.comm.CommConnectionLostException;
import dev.comm.protocol.Features;
import dev.comm.protocol.Frame;
import dev.comm.protocol.FrameTooLargeException;
import dev.comm.protocol.Hello;
import dev.comm.protocol.MessageFrame;
import dev.comm.protocol.MessageType;
import dev.comm.protocol.ProtocolException;
import dev.comm.transport.PeerIdentity;

/**
 * A caller's connection to a service: requests and throws go to the service's queue (or,
 * for a broadcast connector, its fanout exchange); answers, and requests the service
 * makes back, arrive on an exclusive reply queue of this connection. The connection lives
 * as long as the channel that consumes that queue, so losing the broker fails the
 * requests in flight at once.
 */
final class AmqpClientConnection extends AbstractAmqpConnection {

	private static final Logger logger = LoggerFactory.getLogger(AmqpClientConnection.class);

	private final AmqpBroker broker;

	private final String service;

	private final boolean broadcast;

	private final String remoteAddress;

	private final String replyQueue = AmqpNames.replyQueue();

	/** Where to answer each request the service made of this side, by request id. */
	private final Map<String, String> answerTo = new ConcurrentHashMap<>();

	private final StreamOrder streamOrder = new StreamOrder();

	private volatile Channel channel;

	private volatile String clientId;

	AmqpClientConnection(AmqpBroker broker, String service, boolean broadcast, String remoteAddress, int maxFrameSize) {
		super(maxFrameSize);
		this.broker = broker;
		this.service = service;
		this.broadcast = broadcast;
		this.remoteAddress = remoteAddress;
	}

	/**
	 * Declare the service's queue and exchange (so that throws wait for an instance that
	 * has not started yet) and this connection's reply queue, and consume the latter.
	 * @throws CommConnectionLostException if the broker cannot be reached
	 */
	void open() {
		Channel opened = this.broker.openChannel();
		try {
			opened.queueDeclare(AmqpNames.serviceQueue(this.service), true, false, false, null);
			opened.exchangeDeclare(AmqpNames.broadcastExchange(this.service), BuiltinExchangeType.FANOUT, true);
			opened.queueDeclare(this.replyQueue, false, true, true, null);
			opened.basicConsume(this.replyQueue, true, new ReplyConsumer(opened));
			this.channel = opened;
		}
		catch (IOException | RuntimeException ex) {
			AmqpBroker.close(opened);
			throw new CommConnectionLostException("Cannot set up the queues for service '" + this.service + "' at "
					+ this.broker.description() + ": " + AmqpBroker.rootMessage(ex), ex);
		}
	}

	/**
	 * The service, through the broker: no client id, the brokered features.
	 */
	@Override
	public Optional<PeerIdentity> knownPeer() {
		return Optional.of(new PeerIdentity(null, Features.BROKERED));
	}

	@Override
	public CompletableFuture<Void> send(Frame frame) {
		if (!isOpen()) {
			return CompletableFuture
				.failedFuture(new CommConnectionLostException("Connection to " + this.remoteAddress + " is closed"));
		}
		if (frame instanceof Hello hello) {
			// this side's own hello: nothing goes out, but its client id names every
			// message as AMQP's app_id
			this.clientId = hello.clientId();
		}
		if (!(frame instanceof MessageFrame message)) {
			// no handshake, close notice or heartbeat travels over the broker
			return CompletableFuture.completedFuture(null);
		}
		int type = message.metadata().type();
		if (type == MessageType.CREDIT || type == MessageType.CANCEL) {
			// for the instance that serves the stream, known from its items; none came
			// yet: the instance stops when the credit runs out
			String id = message.metadata().id();
			String server = this.answerTo.get(id);
			if (type == MessageType.CANCEL) {
				this.answerTo.remove(id);
				this.streamOrder.cancelled(id);
			}
			return (server != null)
					? this.broker.publish("", server, AmqpMessageMapping.write(message, this.replyQueue, this.clientId))
					: CompletableFuture.completedFuture(null);
		}
		if (MessageType.isInbound(type)) {
			String exchange = this.broadcast ? AmqpNames.broadcastExchange(this.service) : "";
			String routingKey = this.broadcast ? "" : AmqpNames.serviceQueue(this.service);
			return this.broker.publish(exchange, routingKey,
					AmqpMessageMapping.write(message, this.replyQueue, this.clientId));
		}
		String instance = this.answerTo.remove(message.metadata().id());
		if (instance == null) {
			return CompletableFuture.completedFuture(null);
		}
		return this.broker.publish("", instance, AmqpMessageMapping.write(message, this.replyQueue, this.clientId));
	}

	private void received(AMQP.BasicProperties properties, byte[] body) {
		AmqpMessageMapping.Inbound inbound;
		try {
			inbound = AmqpMessageMapping.read(properties, body);
		}
		catch (ProtocolException ex) {
			logger.warn("Dropped a message on reply queue of {}: {}", this.remoteAddress, ex.getMessage());
			return;
		}
		MessageFrame frame = inbound.frame();
		try {
			FrameTooLargeException.checkReceived(frame, maxFrameSize());
		}
		catch (FrameTooLargeException ex) {
			// which request it answers is known, but a reply that could not be
			// delivered in full is treated as on a stream: the connection goes
			logger.warn("Closing connection to {}: {}", this.remoteAddress, ex.getMessage());
			closeWith(ex);
			return;
		}
		int type = frame.metadata().type();
		if (type == MessageType.REQUEST || (type == MessageType.ITEM && inbound.replyTo() != null)) {
			this.answerTo.put(frame.metadata().id(), inbound.replyTo());
		}
		else if (type == MessageType.END) {
			this.answerTo.remove(frame.metadata().id());
		}
		this.streamOrder.received(frame,
				(properties.getHeaders() != null) ? properties.getHeaders().get(AmqpHeaders.SEQ) : null, this::deliver);
	}

	@Override
	public void close() {
		closeWith(null);
	}

	private void closeWith(Throwable cause) {
		if (markClosed(cause)) {
			Channel current = this.channel;
			if (current != null) {
				AmqpBroker.close(current);
			}
		}
	}

	@Override
	public String remoteAddress() {
		return this.remoteAddress;
	}

	private final class ReplyConsumer extends DefaultConsumer {

		ReplyConsumer(Channel channel) {
			super(channel);
		}

		@Override
		public void handleDelivery(String consumerTag, Envelope envelope, AMQP.BasicProperties properties,
				byte[] body) {
			received(properties, body);
		}

		@Override
		public void handleCancel(String consumerTag) {
			closeWith(new CommConnectionLostException("The broker cancelled the reply queue of " + remoteAddress));
		}

		@Override
		public void handleShutdownSignal(String consumerTag, ShutdownSignalException signal) {
			// when this side closed the channel, the connection
			// is already closed and this does nothing
			closeWith(new CommConnectionLostException("Lost the broker connection: " + signal.getMessage(), signal));
		}

	}

}
