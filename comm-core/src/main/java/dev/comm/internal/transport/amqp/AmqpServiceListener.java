package dev.comm.internal.transport.amqp;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.ShutdownSignalException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;

import dev.comm.internal.transport.amqp.broker.AmqpBroker;
import dev.comm.CommConnectionLostException;
import dev.comm.CommErrorKind;
import dev.comm.address.CommAddress;
import dev.comm.protocol.ErrorBody;
import dev.comm.protocol.FrameTooLargeException;
import dev.comm.protocol.MessageFrame;
import dev.comm.protocol.MessageType;
import dev.comm.protocol.Metadata;
import dev.comm.protocol.ProtocolException;
import dev.comm.transport.Connection;
import dev.comm.transport.Listener;

/**
 * One listening instance of a service. It competes with the other instances for the
 * service's durable queue, and has an exclusive queue of its own, bound to the service's
 * fanout exchange, for broadcasts and for answers to the requests it makes of callers.
 * Each caller becomes one {@link AmqpPeerConnection}, handed to the acceptor on its first
 * message. When the broker goes away, callers' connections close and the instance keeps
 * trying to consume again until the broker is back.
 */
final class AmqpServiceListener implements Listener {

	private static final Logger logger = LoggerFactory.getLogger(AmqpServiceListener.class);

	/**
	 * Callers silent this long, with nothing in progress, lose their connection object.
	 */
	private static final Duration IDLE_CALLER = Duration.ofMinutes(5);

	private static final Duration RETRY = Duration.ofMillis(500);

	private final AmqpBroker broker;

	private final CommAddress address;

	private final String service;

	private final int prefetch;

	private final int maxFrameSize;

	private final Consumer<Connection> acceptor;

	private final ScheduledExecutorService scheduler;

	private final Map<String, AmqpPeerConnection> callers = new ConcurrentHashMap<>();

	private final String instanceQueue;

	/** Tags of the consumers running now, to cancel them when the listener stops. */
	private final List<String> consumerTags = new CopyOnWriteArrayList<>();

	private final ScheduledFuture<?> idleSweep;

	private final Consumer<AmqpServiceListener> onStopped;

	private final Object lock = new Object();

	private Channel channel;

	private boolean stopped;

	AmqpServiceListener(AmqpBroker broker, CommAddress address, String service, int prefetch, int maxFrameSize,
			Consumer<Connection> acceptor, ScheduledExecutorService scheduler,
			Consumer<AmqpServiceListener> onStopped) {
		this.broker = broker;
		this.address = address;
		this.service = service;
		this.prefetch = prefetch;
		this.maxFrameSize = maxFrameSize;
		this.acceptor = acceptor;
		this.scheduler = scheduler;
		this.onStopped = onStopped;
		this.instanceQueue = AmqpNames.instanceQueue(service);
		this.idleSweep = scheduler.scheduleWithFixedDelay(this::closeIdleCallers, 1, 1, TimeUnit.MINUTES);
	}

	/**
	 * Declare the queues and start consuming.
	 * @throws CommConnectionLostException if the broker cannot be reached
	 */
	void start() {
		Channel opened = this.broker.openChannel();
		try {
			opened.queueDeclare(AmqpNames.serviceQueue(this.service), true, false, false, null);
			opened.exchangeDeclare(AmqpNames.broadcastExchange(this.service), BuiltinExchangeType.FANOUT, true);
			opened.queueDeclare(this.instanceQueue, false, true, true, null);
			opened.queueBind(this.instanceQueue, AmqpNames.broadcastExchange(this.service), "");
			// per consumer: each of the two queues may hold this many unacknowledged
			opened.basicQos(this.prefetch, false);
			synchronized (this.lock) {
				if (this.stopped) {
					AmqpBroker.close(opened);
					return;
				}
				this.channel = opened;
			}
			opened.basicConsume(AmqpNames.serviceQueue(this.service), false, new InboundConsumer(opened));
			opened.basicConsume(this.instanceQueue, false, new InboundConsumer(opened));
		}
		catch (IOException | RuntimeException ex) {
			synchronized (this.lock) {
				if (this.channel == opened) {
					this.channel = null;
				}
			}
			AmqpBroker.close(opened);
			throw new CommConnectionLostException("Cannot consume for service '" + this.service + "' at "
					+ this.broker.description() + ": " + AmqpBroker.rootMessage(ex), ex);
		}
	}

	private void received(Channel from, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
		AmqpMessageMapping.Inbound inbound;
		try {
			inbound = AmqpMessageMapping.read(properties, body);
			FrameTooLargeException.checkReceived(inbound.frame(), this.maxFrameSize);
		}
		catch (ProtocolException ex) {
			refuse(from, envelope, properties, ex.getMessage());
			return;
		}
		AmqpPeerConnection caller = caller(inbound);
		if (caller == null) {
			requeue(from, envelope);
			return;
		}
		if (MessageType.isInbound(inbound.frame().metadata().type())) {
			caller.deliverHeld(inbound.frame(), from, envelope.getDeliveryTag());
		}
		else {
			acknowledge(from, envelope);
			caller.deliverAnswer(inbound.frame());
		}
	}

	/**
	 * Drop a message that breaks the mapping, answering it when it can be answered, so
	 * that it is neither redelivered forever nor left without an outcome.
	 */
	private void refuse(Channel from, Envelope envelope, AMQP.BasicProperties properties, String problem) {
		logger.warn("Rejected a message for service '{}' from {}: {}", this.service, properties.getAppId(), problem);
		String replyTo = properties.getReplyTo();
		String id = properties.getCorrelationId();
		if (replyTo != null && !replyTo.isEmpty() && id != null && !id.isEmpty()) {
			Metadata answer = Metadata.of(id, MessageType.REQUESTER_FAULT, null);
			byte[] error = new ErrorBody(CommErrorKind.REQUESTER_FAULT, null, problem).encode(true);
			Message message = AmqpMessageMapping.write(new MessageFrame(answer, error), null, null);
			this.broker.publish("", replyTo, message);
		}
		try {
			from.basicReject(envelope.getDeliveryTag(), false);
		}
		catch (IOException | RuntimeException ex) {
			// gone with the channel
		}
	}

	private AmqpPeerConnection caller(AmqpMessageMapping.Inbound inbound) {
		synchronized (this.lock) {
			if (this.stopped) {
				return null;
			}
			AmqpPeerConnection existing = this.callers.get(inbound.callerKey());
			if (existing != null && existing.isOpen()) {
				return existing;
			}
			String clientId = (inbound.appId() != null) ? inbound.appId()
					: (inbound.replyTo() != null) ? inbound.replyTo() : "anonymous";
			AmqpPeerConnection created = new AmqpPeerConnection(this.broker, this, inbound.callerKey(),
					inbound.replyTo(), clientId);
			this.callers.put(inbound.callerKey(), created);
			this.acceptor.accept(created);
			return created;
		}
	}

	private static void acknowledge(Channel from, Envelope envelope) {
		try {
			from.basicAck(envelope.getDeliveryTag(), false);
		}
		catch (IOException | RuntimeException ex) {
			// gone with the channel
		}
	}

	private static void requeue(Channel from, Envelope envelope) {
		try {
			from.basicNack(envelope.getDeliveryTag(), false, true);
		}
		catch (IOException | RuntimeException ex) {
			// gone with the channel
		}
	}

	void closed(AmqpPeerConnection caller) {
		this.callers.remove(caller.key(), caller);
		synchronized (this.lock) {
			if (this.stopped && this.callers.isEmpty() && this.channel != null) {
				AmqpBroker.close(this.channel);
				this.channel = null;
			}
		}
	}

	private void lost(Channel channel, ShutdownSignalException signal) {
		synchronized (this.lock) {
			if (this.stopped || this.channel != channel) {
				return;
			}
			this.channel = null;
		}
		logger.warn("Listener for service '{}' lost the broker at {} ({}); consuming again once it is back",
				this.service, this.broker.description(), signal.getMessage());
		CommConnectionLostException lost = new CommConnectionLostException(
				"Lost the broker connection: " + signal.getMessage(), signal);
		List.copyOf(this.callers.values()).forEach((caller) -> caller.closeWith(lost));
		this.scheduler.schedule(this::restart, RETRY.toNanos(), TimeUnit.NANOSECONDS);
	}

	private void restart() {
		synchronized (this.lock) {
			if (this.stopped) {
				return;
			}
		}
		try {
			start();
			logger.info("Listener for service '{}' consumes again at {}", this.service, this.broker.description());
		}
		catch (RuntimeException ex) {
			logger.debug("Listener for service '{}' cannot consume yet: {}", this.service, ex.getMessage());
			this.scheduler.schedule(this::restart, RETRY.toNanos(), TimeUnit.NANOSECONDS);
		}
	}

	private void closeIdleCallers() {
		for (AmqpPeerConnection caller : List.copyOf(this.callers.values())) {
			if (caller.isIdle(IDLE_CALLER.toNanos())) {
				caller.close();
			}
		}
	}

	String instanceQueue() {
		return this.instanceQueue;
	}

	String description() {
		return "service '" + this.service + "' at " + this.broker.description();
	}

	@Override
	public CommAddress address() {
		return this.address;
	}

	/**
	 * Stop consuming. Messages already delivered stay held until their callers'
	 * connections close: acknowledged when handled, requeued when abandoned.
	 */
	@Override
	public void close() {
		Channel current;
		synchronized (this.lock) {
			if (this.stopped) {
				return;
			}
			this.stopped = true;
			current = this.channel;
			if (current != null && this.callers.isEmpty()) {
				this.channel = null;
				AmqpBroker.close(current);
				current = null;
			}
		}
		this.idleSweep.cancel(false);
		this.onStopped.accept(this);
		if (current != null) {
			cancelConsumers(current);
		}
	}

	/** Close for good, whatever is still held: the broker requeues it. */
	void forceClose() {
		close();
		List.copyOf(this.callers.values()).forEach(AmqpPeerConnection::close);
		synchronized (this.lock) {
			if (this.channel != null) {
				AmqpBroker.close(this.channel);
				this.channel = null;
			}
		}
	}

	private void cancelConsumers(Channel current) {
		for (String tag : List.copyOf(this.consumerTags)) {
			try {
				current.basicCancel(tag);
			}
			catch (IOException | RuntimeException ex) {
				// the channel is gone, and its consumers with it
			}
		}
	}

	private final class InboundConsumer extends DefaultConsumer {

		InboundConsumer(Channel channel) {
			super(channel);
		}

		@Override
		public void handleConsumeOk(String consumerTag) {
			super.handleConsumeOk(consumerTag);
			consumerTags.add(consumerTag);
		}

		@Override
		public void handleCancelOk(String consumerTag) {
			consumerTags.remove(consumerTag);
		}

		@Override
		public void handleDelivery(String consumerTag, Envelope envelope, AMQP.BasicProperties properties,
				byte[] body) {
			received(getChannel(), envelope, properties, body);
		}

		@Override
		public void handleShutdownSignal(String consumerTag, ShutdownSignalException signal) {
			consumerTags.remove(consumerTag);
			lost(getChannel(), signal);
		}

	}

	int maxFrameSize() {
		return this.maxFrameSize;
	}

}
