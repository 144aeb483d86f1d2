package dev.comm.internal.transport.amqp;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import com.rabbitmq.client.Channel;

import dev.comm.internal.transport.amqp.broker.AbstractAmqpConnection;
import dev.comm.internal.transport.amqp.broker.AmqpBroker;
import dev.comm.CommConnectionLostException;
import dev.comm.protocol.Features;
import dev.comm.protocol.Frame;
import dev.comm.protocol.MessageFrame;
import dev.comm.protocol.MessageType;
import dev.comm.transport.PeerIdentity;

/**
 * A listening instance's connection to one caller, identified by the caller's reply
 * queue. Answers go to that queue; requests this side makes of the caller go there too,
 * with the instance's own queue to answer to. Each request or throw stays unacknowledged
 * until the link reports it {@link #handled(MessageFrame) handled}; whatever is still
 * unacknowledged when the connection closes goes back to the queue for another instance.
 */
final class AmqpPeerConnection extends AbstractAmqpConnection {

	private final AmqpBroker broker;

	private final AmqpServiceListener listener;

	private final String key;

	private final String replyTo;

	private final StreamOrder streamOrder = new StreamOrder();

	private final String clientId;

	/** Deliveries waiting for their handler, by frame identity. */
	private final Map<MessageFrame, Delivery> unacknowledged = new ConcurrentHashMap<>();

	private volatile long lastActivityNanos = System.nanoTime();

	AmqpPeerConnection(AmqpBroker broker, AmqpServiceListener listener, String key, String replyTo, String clientId) {
		super(listener.maxFrameSize());
		this.broker = broker;
		this.listener = listener;
		this.key = key;
		this.replyTo = replyTo;
		this.clientId = clientId;
	}

	/**
	 * The caller, named by its {@code app_id} (or reply queue), with the brokered
	 * features.
	 */
	@Override
	public Optional<PeerIdentity> knownPeer() {
		return Optional.of(new PeerIdentity(this.clientId, Features.BROKERED));
	}

	/**
	 * Hand over a request or throw that must be acknowledged once handled.
	 * @param frame the message
	 * @param channel the channel it came on
	 * @param deliveryTag its tag there
	 */
	void deliverHeld(MessageFrame frame, Channel channel, long deliveryTag) {
		this.lastActivityNanos = System.nanoTime();
		this.unacknowledged.put(frame, new Delivery(channel, deliveryTag));
		if (!deliver(frame)) {
			// closed in between: the message belongs to another instance
			settle(frame, false);
		}
	}

	/**
	 * Hand over an answer, already acknowledged.
	 * @param frame the answer
	 */
	void deliverAnswer(MessageFrame frame) {
		this.lastActivityNanos = System.nanoTime();
		deliver(frame);
	}

	@Override
	public CompletableFuture<Void> send(Frame frame) {
		if (!(frame instanceof MessageFrame message)) {
			return CompletableFuture.completedFuture(null);
		}
		if (!isOpen()) {
			return CompletableFuture
				.failedFuture(new CommConnectionLostException("Connection to " + remoteAddress() + " is closed"));
		}
		if (this.replyTo == null) {
			return CompletableFuture.failedFuture(new CommConnectionLostException(
					"Caller " + this.clientId + " gave no reply_to queue, so nothing can be sent to it"));
		}
		this.lastActivityNanos = System.nanoTime();
		int type = message.metadata().type();
		// a stream's items name the instance, for the caller's credit to come back to it
		String answerTo = (MessageType.isInbound(type) || type == MessageType.ITEM) ? this.listener.instanceQueue()
				: null;
		return this.broker.publish("", this.replyTo,
				this.streamOrder.numbered(message, AmqpMessageMapping.write(message, answerTo, null)));
	}

	@Override
	public void handled(MessageFrame message) {
		settle(message, true);
	}

	private void settle(MessageFrame message, boolean done) {
		Delivery delivery = this.unacknowledged.remove(message);
		if (delivery == null) {
			return;
		}
		try {
			if (delivery.channel().isOpen()) {
				if (done) {
					delivery.channel().basicAck(delivery.tag(), false);
				}
				else {
					delivery.channel().basicNack(delivery.tag(), false, true);
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// the channel died with the broker connection: the broker has requeued it
		}
	}

	/**
	 * Whether nothing has happened on this connection for a while and nothing is held.
	 * @param idleNanos how long counts as idle
	 * @return whether the connection may be closed
	 */
	boolean isIdle(long idleNanos) {
		return this.unacknowledged.isEmpty() && System.nanoTime() - this.lastActivityNanos > idleNanos;
	}

	@Override
	public void close() {
		closeWith(null);
	}

	void closeWith(Throwable cause) {
		if (markClosed(cause)) {
			for (MessageFrame held : List.copyOf(this.unacknowledged.keySet())) {
				settle(held, false);
			}
			this.listener.closed(this);
		}
	}

	String key() {
		return this.key;
	}

	@Override
	public String remoteAddress() {
		return "amqp caller " + this.clientId + " of " + this.listener.description();
	}

	private record Delivery(Channel channel, long tag) {
	}

}
