package dev.comm.internal.transport.amqp.communica;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

import dev.comm.CommConnectionLostException;
import dev.comm.CommException;
import dev.comm.address.CommAddress;
import dev.comm.internal.transport.amqp.broker.AmqpBroker;
import dev.comm.transport.Connection;
import dev.comm.transport.Listener;
import dev.comm.transport.TransportSettings;

/**
 * The endpoints of an AMQP transport whose address says {@code protocol=communica}:
 * listeners that communica RmqConnector clients reach, and connections to a communica
 * RmqConnector server. The transport hands over its broker connections and threads.
 */
public final class CommunicaRmq implements AutoCloseable {

	/** The address parameter that picks the protocol, and its value for this mode. */
	public static final String PROTOCOL = "protocol";

	/**
	 * The address parameter that names a connector's durable queues, communica's
	 * {@code client_id} of an RmqConnector; the application's client id by default.
	 */
	public static final String CLIENT = "client";

	private static final String COMMUNICA = "communica";

	/** RabbitMQ's limit on a queue name, less communica's longest queue name prefix. */
	private static final int MAX_SERVICE_AND_CLIENT = 224;

	private final ScheduledExecutorService scheduler;

	private final Executor work;

	private final Duration keepalivePeriod;

	private final Set<RmqServiceListener> listeners = ConcurrentHashMap.newKeySet();

	public CommunicaRmq(ScheduledExecutorService scheduler, Executor work) {
		this(scheduler, work, RmqConnection.PERIOD);
	}

	/**
	 * Endpoints with another keepalive period than communica's, for tests that cannot
	 * wait for it.
	 */
	CommunicaRmq(ScheduledExecutorService scheduler, Executor work, Duration keepalivePeriod) {
		this.scheduler = scheduler;
		this.work = work;
		this.keepalivePeriod = keepalivePeriod;
	}

	/**
	 * Whether an address asks for communica's protocol.
	 * @param address the address
	 * @return whether it says {@code protocol=communica}
	 */
	public static boolean requested(CommAddress address) {
		return COMMUNICA.equals(address.parameter(PROTOCOL));
	}

	/**
	 * Serve communica clients under the address's service name.
	 * @param broker the broker
	 * @param address the address
	 * @param service the service name (communica's {@code address})
	 * @param settings the transport settings
	 * @param acceptor receives each connection after its handshake
	 * @return the listener
	 */
	public Listener listen(AmqpBroker broker, CommAddress address, String service, TransportSettings settings,
			Consumer<Connection> acceptor) {
		RmqServiceListener listener = new RmqServiceListener(broker, address, service, settings.maxFrameSize(),
				acceptor, this.scheduler, this.work, this.listeners::remove, this.keepalivePeriod);
		try {
			listener.start();
		}
		catch (CommConnectionLostException ex) {
			throw new CommException("Cannot listen on " + address + ": " + ex.getMessage(), ex);
		}
		this.listeners.add(listener);
		return listener;
	}

	/**
	 * Dial a communica server: the handshake runs on the work executor.
	 * @param broker the broker
	 * @param address the address
	 * @param service the service name (communica's {@code address})
	 * @param settings the transport settings, whose client id names the queues unless the
	 * address says {@code client=}
	 * @return completes with the connection once the server confirmed the handshake
	 */
	public CompletableFuture<Connection> connect(AmqpBroker broker, CommAddress address, String service,
			TransportSettings settings) {
		String entityClientId = settings.clientId();
		String clientId = (address.parameter(CLIENT) != null) ? address.parameter(CLIENT) : entityClientId;
		if (clientId == null || clientId.isEmpty()) {
			return CompletableFuture.failedFuture(new CommException("Cannot connect to " + address
					+ ": communica's RmqConnector names a client's queues after its client id; set comm.client-id"
					+ " or add client=<id> to the address"));
		}
		if (service.length() + clientId.length() > MAX_SERVICE_AND_CLIENT) {
			return CompletableFuture.failedFuture(new CommException(
					"Cannot connect to " + address + ": the service and client id together are longer than "
							+ MAX_SERVICE_AND_CLIENT + " characters, too long for communica's queue names"));
		}
		RmqClientHandshake handshake = new RmqClientHandshake(broker, service, clientId,
				(entityClientId != null) ? entityClientId : clientId, settings.connectTimeout());
		return CompletableFuture.supplyAsync(
				() -> handshake.connect(this.scheduler, settings.maxFrameSize(), this.keepalivePeriod), this.work);
	}

	@Override
	public void close() {
		Set.copyOf(this.listeners).forEach(RmqServiceListener::close);
	}

}
