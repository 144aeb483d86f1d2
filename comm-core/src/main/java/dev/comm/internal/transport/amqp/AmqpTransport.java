package dev.comm.internal.transport.amqp;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.Consumer;

import dev.comm.CommConnectionLostException;
import dev.comm.CommException;
import dev.comm.address.CommAddress;
import dev.comm.internal.transport.amqp.broker.AmqpBroker;
import dev.comm.internal.transport.amqp.communica.CommunicaRmq;
import dev.comm.transport.Connection;
import dev.comm.transport.Listener;
import dev.comm.transport.TlsSettings;
import dev.comm.transport.Transport;
import dev.comm.transport.TransportSettings;

/**
 * {@code amqp://user:pass@host:port/vhost?service=name} and {@code amqps://…}: comm over
 * a RabbitMQ broker, built on Spring AMQP. A listener is one instance of the service: all
 * instances share the service's durable queue, so requests and throws are load-balanced.
 * A connector reaches whichever instance takes the message, or every live instance with
 * {@code broadcast=true}. Nothing touches the broker before the first connect or listen.
 */
public class AmqpTransport implements Transport {

	/** Unacknowledged messages one listener takes from a queue by default. */
	public static final int DEFAULT_PREFETCH = 50;

	private final int prefetch;

	private final Map<BrokerKey, AmqpBroker> brokers = new ConcurrentHashMap<>();

	private final Set<AmqpServiceListener> listeners = ConcurrentHashMap.newKeySet();

	private final ScheduledThreadPoolExecutor scheduler;

	/** Connecting blocks on the network, for up to the connect timeout each. */
	private final ExecutorService connecting = Executors.newCachedThreadPool((runnable) -> {
		Thread thread = new Thread(runnable, "comm-amqp-connect");
		thread.setDaemon(true);
		return thread;
	});

	/**
	 * Endpoints that speak communica's RmqConnector protocol instead of comm's mapping.
	 */
	private final CommunicaRmq communica;

	public AmqpTransport() {
		this(DEFAULT_PREFETCH);
	}

	/**
	 * A transport whose listeners hold at most {@code prefetch} unacknowledged messages
	 * per queue.
	 * @param prefetch the bound, at least 1
	 */
	public AmqpTransport(int prefetch) {
		if (prefetch < 1) {
			throw new IllegalArgumentException("The AMQP prefetch must be at least 1, not " + prefetch);
		}
		this.prefetch = prefetch;
		this.scheduler = new ScheduledThreadPoolExecutor(1, (runnable) -> {
			Thread thread = new Thread(runnable, "comm-amqp");
			thread.setDaemon(true);
			return thread;
		});
		this.scheduler.setRemoveOnCancelPolicy(true);
		this.communica = new CommunicaRmq(this.scheduler, this.connecting);
	}

	@Override
	public List<String> schemes() {
		return List.of("amqp", "amqps");
	}

	@Override
	public CompletableFuture<Connection> connect(CommAddress address, TransportSettings settings) {
		String service;
		boolean broadcast;
		try {
			service = service(address);
			broadcast = broadcast(address);
		}
		catch (CommException ex) {
			return CompletableFuture.failedFuture(ex);
		}
		if (address.parameter(CommunicaRmq.CLIENT) != null && !CommunicaRmq.requested(address)) {
			return CompletableFuture.failedFuture(new CommException("Cannot connect to " + address
					+ ": 'client' names the queues of communica's RmqConnector; it needs protocol=communica"));
		}
		AmqpBroker broker = broker(address, settings);
		if (CommunicaRmq.requested(address)) {
			if (broadcast) {
				return CompletableFuture.failedFuture(
						new CommException("Cannot connect to " + address + ": communica's protocol has no broadcast"));
			}
			return this.communica.connect(broker, address, service, settings);
		}
		// opening a channel blocks on the network: not on the caller's thread
		return CompletableFuture.<Connection>supplyAsync(() -> {
			AmqpClientConnection connection = new AmqpClientConnection(broker, service, broadcast, address.toString(),
					settings.maxFrameSize());
			connection.open();
			return connection;
		}, this.connecting);
	}

	@Override
	public Listener listen(CommAddress address, TransportSettings settings, Consumer<Connection> acceptor) {
		String service = service(address);
		if (address.parameter(CommunicaRmq.CLIENT) != null) {
			throw new CommException("Cannot listen on " + address
					+ ": 'client' is for connectors; a listener learns each client's id from its connect request");
		}
		if (CommunicaRmq.requested(address)) {
			if (address.parameter("broadcast") != null) {
				throw new CommException("Cannot listen on " + address + ": communica's protocol has no broadcast");
			}
			return this.communica.listen(broker(address, settings), address, service, settings, acceptor);
		}
		if (address.parameter("broadcast") != null) {
			throw new CommException("Cannot listen on " + address
					+ ": 'broadcast' is for connectors; every listener receives broadcasts");
		}
		AmqpServiceListener listener = new AmqpServiceListener(broker(address, settings), address, service,
				this.prefetch, settings.maxFrameSize(), acceptor, this.scheduler, this.listeners::remove);
		try {
			listener.start();
		}
		catch (CommConnectionLostException ex) {
			listener.forceClose();
			throw new CommException("Cannot listen on " + address + ": " + ex.getMessage(), ex);
		}
		this.listeners.add(listener);
		return listener;
	}

	private static String service(CommAddress address) {
		String service = address.parameter("service");
		if (service == null) {
			throw new CommException("The AMQP address " + address
					+ " names no service: add ?service=<name> (or set the endpoint's 'service' property)");
		}
		return service;
	}

	private static boolean broadcast(CommAddress address) {
		String broadcast = address.parameter("broadcast");
		if (broadcast == null || broadcast.equals("false")) {
			return false;
		}
		if (broadcast.equals("true")) {
			return true;
		}
		throw new CommException("The AMQP address " + address + " has broadcast=" + broadcast + "; use true or false");
	}

	private AmqpBroker broker(CommAddress address, TransportSettings settings) {
		String broker = new CommAddress(address.scheme(), address.host(), address.port(), address.path(),
				address.userInfo(), Map.of())
			.format();
		return this.brokers.computeIfAbsent(new BrokerKey(broker, settings.tls()),
				(ignored) -> new AmqpBroker(address, settings.connectTimeout(), settings.tls()));
	}

	@Override
	public void close() {
		this.communica.close();
		this.listeners.forEach(AmqpServiceListener::forceClose);
		this.listeners.clear();
		this.brokers.values().forEach(AmqpBroker::close);
		this.brokers.clear();
		this.scheduler.shutdownNow();
		this.connecting.shutdownNow();
	}

	@Override
	public String toString() {
		return "AmqpTransport[prefetch=" + this.prefetch + "]";
	}

	/**
	 * What makes two endpoints share a broker connection: the same broker, virtual host
	 * and user, and the same TLS settings.
	 *
	 * @param broker the address without parameters
	 * @param tls the endpoint's TLS settings, or {@code null}
	 */
	private record BrokerKey(String broker, TlsSettings tls) {
	}

}
