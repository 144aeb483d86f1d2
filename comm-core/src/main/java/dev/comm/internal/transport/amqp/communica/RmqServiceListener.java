package dev.comm.internal.transport.amqp.communica;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
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

import dev.comm.CommConnectionLostException;
import dev.comm.address.CommAddress;
import dev.comm.internal.transport.amqp.broker.AmqpBroker;
import dev.comm.protocol.ProtocolException;
import dev.comm.transport.Connection;
import dev.comm.transport.Listener;

/**
 * A comm listener that communica RmqConnector clients reach: it consumes the service's
 * connect queue, one request at a time, and runs a {@link RmqServerHandshake} for each.
 * When the broker connection drops it consumes again once the broker is back, with a
 * growing pause between attempts; the clients dial again by themselves.
 */
final class RmqServiceListener implements Listener {

	private static final Logger logger = LoggerFactory.getLogger(RmqServiceListener.class);

	private static final long MAX_RETRY_MILLIS = 10_000;

	private final AmqpBroker broker;

	private final CommAddress address;

	private final String service;

	private final int maxFrameSize;

	private final Consumer<Connection> acceptor;

	private final ScheduledExecutorService scheduler;

	private final Executor work;

	private final Consumer<RmqServiceListener> onClose;

	private final Duration period;

	private volatile Channel channel;

	private volatile boolean closed;

	RmqServiceListener(AmqpBroker broker, CommAddress address, String service, int maxFrameSize,
			Consumer<Connection> acceptor, ScheduledExecutorService scheduler, Executor work,
			Consumer<RmqServiceListener> onClose, Duration period) {
		this.broker = broker;
		this.address = address;
		this.service = service;
		this.maxFrameSize = maxFrameSize;
		this.acceptor = acceptor;
		this.scheduler = scheduler;
		this.work = work;
		this.onClose = onClose;
		this.period = period;
	}

	/**
	 * Declare communica's exchange and the connect queue, and consume it.
	 * @throws CommConnectionLostException if the broker cannot be reached or refuses
	 */
	void start() {
		Channel opened = this.broker.openChannel();
		try {
			opened.exchangeDeclare(RmqNames.EXCHANGE, BuiltinExchangeType.DIRECT, true);
			String queue = RmqNames.connectQueue(this.service);
			opened.queueDeclare(queue, true, false, false, null);
			opened.queueBind(queue, RmqNames.EXCHANGE, queue);
			// one connect request at a time, as communica's server takes them
			opened.basicQos(1);
			opened.basicConsume(queue, false, new ConnectRequests(opened));
		}
		catch (IOException | RuntimeException ex) {
			AmqpBroker.close(opened);
			throw new CommConnectionLostException("Cannot consume the communica connect queue of service '"
					+ this.service + "' at " + this.broker.description() + ": " + AmqpBroker.rootMessage(ex), ex);
		}
		this.channel = opened;
	}

	private void connectRequested(Channel on, Envelope envelope, AMQP.BasicProperties properties, byte[] body)
			throws IOException {
		try {
			if (!RmqNames.CONNECT.equals(properties.getType())) {
				logger.warn("Dropped a message of type '{}' on the communica connect queue of '{}'",
						properties.getType(), this.service);
				return;
			}
			if (properties.getReplyTo() == null) {
				logger.warn("Dropped a communica connect request without reply_to for '{}'", this.service);
				return;
			}
			String clientId = RmqBody.clientId(body);
			new RmqServerHandshake(this, clientId, properties.getReplyTo()).begin();
		}
		catch (ProtocolException ex) {
			logger.warn("Dropped a communica connect request for '{}': {}", this.service, ex.getMessage());
		}
		catch (IOException | RuntimeException ex) {
			logger.warn("Cannot answer a communica connect request for '{}': {}", this.service,
					AmqpBroker.rootMessage(ex));
		}
		finally {
			if (on.isOpen()) {
				on.basicAck(envelope.getDeliveryTag(), false);
			}
		}
	}

	void accepted(RmqConnection connection) {
		if (this.closed) {
			connection.close();
			return;
		}
		this.acceptor.accept(connection);
	}

	private void lost(ShutdownSignalException signal, long retryMillis) {
		if (this.closed) {
			return;
		}
		logger.warn("Lost the communica connect queue of '{}': {}; consuming again in {} ms", this.service,
				signal.getMessage(), retryMillis);
		this.scheduler.schedule(() -> this.work.execute(() -> restart(retryMillis)), retryMillis,
				TimeUnit.MILLISECONDS);
	}

	private void restart(long retryMillis) {
		if (this.closed) {
			return;
		}
		try {
			start();
			logger.info("Consuming the communica connect queue of '{}' again", this.service);
		}
		catch (CommConnectionLostException ex) {
			long next = Math.min(MAX_RETRY_MILLIS, retryMillis * 2);
			this.scheduler.schedule(() -> this.work.execute(() -> restart(next)), next, TimeUnit.MILLISECONDS);
		}
	}

	AmqpBroker broker() {
		return this.broker;
	}

	ScheduledExecutorService scheduler() {
		return this.scheduler;
	}

	Executor work() {
		return this.work;
	}

	String service() {
		return this.service;
	}

	Duration period() {
		return this.period;
	}

	int maxFrameSize() {
		return this.maxFrameSize;
	}

	String description() {
		return "communica service '" + this.service + "' at " + this.broker.description();
	}

	@Override
	public CommAddress address() {
		return this.address;
	}

	@Override
	public void close() {
		this.closed = true;
		Channel current = this.channel;
		if (current != null) {
			AmqpBroker.close(current);
		}
		this.onClose.accept(this);
	}

	private final class ConnectRequests extends DefaultConsumer {

		ConnectRequests(Channel channel) {
			super(channel);
		}

		@Override
		public void handleDelivery(String consumerTag, Envelope envelope, AMQP.BasicProperties properties, byte[] body)
				throws IOException {
			connectRequested(getChannel(), envelope, properties, body);
		}

		@Override
		public void handleShutdownSignal(String consumerTag, ShutdownSignalException signal) {
			lost(signal, 1000);
		}

	}

}
