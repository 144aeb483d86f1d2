package dev.comm.testing;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.observation.ObservationRegistry;

import dev.comm.address.CommAddress;
import dev.comm.client.CommClient;
import dev.comm.client.CommPool;
import dev.comm.client.PoolStrategy;
import dev.comm.client.RandomStrategy;
import dev.comm.codec.JacksonPayloadCodec;
import dev.comm.handler.CommHandler;
import dev.comm.handler.OnCommRequest;
import dev.comm.internal.client.Backoff;
import dev.comm.internal.client.DefaultCommClient;
import dev.comm.internal.client.DefaultCommConnector;
import dev.comm.internal.client.PoolTarget;
import dev.comm.internal.client.ReachableMember;
import dev.comm.internal.client.TargetResources;
import dev.comm.internal.handler.DefaultArgumentResolvers;
import dev.comm.internal.handler.HandlerMethod;
import dev.comm.internal.handler.RouteDispatcher;
import dev.comm.internal.handler.RouteTable;
import dev.comm.internal.observation.CallObserver;
import dev.comm.internal.observation.MicrometerCallObserver;
import dev.comm.internal.observation.ObservingInboundHandler;
import dev.comm.internal.observation.ObservingStreamHandler;
import dev.comm.internal.observation.ServerObservationStarter;
import dev.comm.internal.server.DefaultCommListener;
import dev.comm.internal.session.HandshakePolicy;
import dev.comm.internal.session.InboundHandler;
import dev.comm.internal.session.LinkLimits;
import dev.comm.internal.session.LinkSettings;
import dev.comm.internal.stream.StreamExtension;
import dev.comm.internal.stream.StreamHandler;
import dev.comm.internal.stream.StreamSettings;
import dev.comm.internal.transport.amqp.AmqpTransport;
import dev.comm.internal.transport.inproc.InprocTransport;
import dev.comm.internal.transport.stream.NettyEventLoops;
import dev.comm.internal.transport.tcp.TcpTransport;
import dev.comm.internal.transport.unix.UnixSocketTransport;
import dev.comm.protocol.Features;
import dev.comm.transport.TlsSettings;
import dev.comm.transport.Transport;
import dev.comm.transport.TransportRegistry;
import dev.comm.transport.TransportSettings;

/**
 * One comm process in a test, wired by hand the way the auto-configuration wires it:
 * handlers from annotated objects, listeners and connectors on real transports. Close it
 * after the test.
 */
public final class CommTestNode implements AutoCloseable {

	private final NettyEventLoops loops = new NettyEventLoops(2);

	private final TransportRegistry transports;

	private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);

	/** Names the handler threads, so that a test can tell them from the I/O threads. */
	public static final String HANDLER_THREAD_PREFIX = "comm-test-handler-";

	private static final AtomicInteger handlerThreadCount = new AtomicInteger();

	private final ExecutorService handlerThreads = Executors
		.newCachedThreadPool((task) -> new Thread(task, HANDLER_THREAD_PREFIX + handlerThreadCount.incrementAndGet()));

	private final RouteTable routes = new RouteTable();

	private final TargetResources support;

	private final TransportSettings transportSettings;

	private final LinkSettings linkSettings;

	private final RouteDispatcher dispatcher;

	private final List<DefaultCommListener> listeners = new ArrayList<>();

	private final List<DefaultCommConnector> connectors = new ArrayList<>();

	private final Duration resumeWindow;

	private final int maxQueued;

	private final int linksPerListener;

	private final int linksPerClientId;

	private CommTestNode(Builder builder) {
		this.resumeWindow = builder.resumeWindow;
		this.maxQueued = builder.maxQueued;
		this.linksPerListener = builder.linksPerListener;
		this.linksPerClientId = builder.linksPerClientId;
		this.scheduler.setRemoveOnCancelPolicy(true);
		List<Transport> transports = new ArrayList<>(List.of(new TcpTransport(this.loops),
				new UnixSocketTransport(this.loops), new InprocTransport(), new AmqpTransport(builder.amqpPrefetch)));
		builder.transports.forEach((transport) -> transports.add(transport.get()));
		this.transports = new TransportRegistry(transports);
		ObservationRegistry observations = builder.observations;
		this.support = new TargetResources(new JacksonPayloadCodec(), this.scheduler,
				(observations != null) ? new MicrometerCallObserver(observations, null) : CallObserver.NONE);
		this.dispatcher = new RouteDispatcher(this.routes, this.support, builder.requestTimeout);
		ServerObservationStarter served = (observations != null)
				? new ServerObservationStarter(observations, null, this.routes::isMapped) : null;
		InboundHandler handler = (served != null) ? new ObservingInboundHandler(this.dispatcher, served)
				: this.dispatcher;
		StreamHandler streamHandler = (served != null) ? new ObservingStreamHandler(this.dispatcher, served)
				: this.dispatcher;
		this.transportSettings = new TransportSettings(builder.maxFrameSize, Duration.ofSeconds(5), builder.tls)
			.withThrowsInFlight(builder.throwsInFlight);
		this.linkSettings = new LinkSettings(builder.clientId, handler, this.handlerThreads, this.scheduler,
				builder.handshakeTimeout, builder.heartbeatInterval, builder.features)
			.withLimits(new LinkLimits(builder.requestsInFlight))
			.withExtensions((builder.streams != null) ? List
				.of(StreamExtension.factory(builder.streams, streamHandler, this.handlerThreads, this.scheduler))
					: List.of());
		for (Object handlers : builder.handlers) {
			register(handlers);
		}
	}

	public static Builder builder() {
		return new Builder();
	}

	private void register(Object bean) {
		for (Method method : bean.getClass().getDeclaredMethods()) {
			CommHandler route = method.getAnnotation(CommHandler.class);
			if (route != null) {
				this.routes.add(route.value(), new HandlerMethod(bean, method, DefaultArgumentResolvers.all()));
			}
			if (method.isAnnotationPresent(OnCommRequest.class)) {
				this.routes.setFallback(new HandlerMethod(bean, method, DefaultArgumentResolvers.all()));
			}
		}
	}

	/**
	 * Start a listener.
	 * @param uri where to listen
	 * @return the started listener
	 */
	public DefaultCommListener listen(String uri) {
		return listen(uri, HandshakePolicy.OPEN);
	}

	/**
	 * Start a listener that admits peers as {@code handshake} says.
	 * @param uri where to listen
	 * @param handshake the admission of peers
	 * @return the started listener
	 */
	public DefaultCommListener listen(String uri, HandshakePolicy handshake) {
		CommAddress address = CommAddress.parse(uri);
		Transport transport = this.transports.forScheme(address.scheme());
		DefaultCommListener listener = new DefaultCommListener("test", address, transport, this.transportSettings,
				this.linkSettings);
		if (!this.resumeWindow.isZero()) {
			listener.enableSessions(this.resumeWindow, this.maxQueued);
		}
		listener.admitBy(handshake);
		listener.limitLinks(this.linksPerListener, this.linksPerClientId);
		listener.start();
		this.listeners.add(listener);
		return listener;
	}

	/**
	 * Start a connector and return a client whose default target is it.
	 * @param uri where to connect
	 * @param timeout the request timeout
	 * @return the client
	 */
	public CommClient connect(String uri, Duration timeout) {
		return client(connector(uri), timeout);
	}

	/**
	 * Start a connector that presents credentials as {@code handshake} says, and return a
	 * client whose default target is it.
	 * @param uri where to connect
	 * @param handshake the credentials
	 * @param timeout the request timeout
	 * @return the client
	 */
	public CommClient connect(String uri, HandshakePolicy handshake, Duration timeout) {
		return client(connector(uri, handshake), timeout);
	}

	/**
	 * A client whose default target is a connector of this node, for tests that also
	 * watch the connector itself (for example its connection state).
	 * @param connector a connector from {@link #connector(String)}
	 * @param timeout the request timeout
	 * @return the client
	 */
	public CommClient client(DefaultCommConnector connector, Duration timeout) {
		return new DefaultCommClient(Map.of("test", connector), Map.of("test", timeout), this.support);
	}

	/**
	 * Start a connector.
	 * @param uri where to connect
	 * @return the started connector
	 */
	public DefaultCommConnector connector(String uri) {
		return connector(uri, HandshakePolicy.OPEN);
	}

	/**
	 * Start a connector that presents credentials as {@code handshake} says.
	 * @param uri where to connect
	 * @param handshake the credentials
	 * @return the started connector
	 */
	public DefaultCommConnector connector(String uri, HandshakePolicy handshake) {
		CommAddress address = CommAddress.parse(uri);
		DefaultCommConnector connector = new DefaultCommConnector("test", address,
				this.transports.forScheme(address.scheme()), this.transportSettings, this.linkSettings,
				new Backoff(Duration.ofMillis(50), Duration.ofMillis(500), 2));
		connector.presentBy(handshake);
		connector.start();
		this.connectors.add(connector);
		return connector;
	}

	/**
	 * A pool with one started connector per URI, like a connector configured with several
	 * URIs.
	 * @param strategy picks the member of single calls
	 * @param timeout the request timeout
	 * @param uris the members' addresses
	 * @return the pool
	 */
	public CommPool pool(PoolStrategy strategy, Duration timeout, String... uris) {
		List<ReachableMember> members = new ArrayList<>();
		for (String uri : uris) {
			members.add(ReachableMember.of(connector(uri)));
		}
		List<ReachableMember> fixed = List.copyOf(members);
		return new PoolTarget("test-pool", () -> fixed, strategy, this.support, timeout);
	}

	/**
	 * The peers connected to a listener of this node, as a pool.
	 * @param listener a listener from {@link #listen(String)}
	 * @param timeout the request timeout
	 * @return the pool
	 */
	public CommPool peers(DefaultCommListener listener, Duration timeout) {
		return new PoolTarget(listener.name(), listener::peers, new RandomStrategy(), this.support, timeout);
	}

	public TransportSettings transportSettings() {
		return this.transportSettings;
	}

	public TransportRegistry transports() {
		return this.transports;
	}

	public RouteDispatcher dispatcher() {
		return this.dispatcher;
	}

	@Override
	public void close() {
		this.connectors.forEach(DefaultCommConnector::stop);
		this.listeners.forEach((listener) -> listener.stop(Duration.ofSeconds(1)));
		this.transports.close();
		this.loops.close();
		this.scheduler.shutdownNow();
		this.handlerThreads.shutdownNow();
	}

	/**
	 * Options of a test node.
	 */
	public static final class Builder {

		private final List<Object> handlers = new ArrayList<>();

		private final List<java.util.function.Supplier<Transport>> transports = new ArrayList<>();

		private String clientId = "test-client";

		private int maxFrameSize = 1024 * 1024;

		private Duration handshakeTimeout = Duration.ofSeconds(5);

		private Duration heartbeatInterval = Duration.ofSeconds(10);

		private Duration requestTimeout = Duration.ofSeconds(10);

		private java.util.Set<String> features = Features.ALL;

		private Duration resumeWindow = Duration.ofSeconds(30);

		private int maxQueued = 100;

		private int amqpPrefetch = AmqpTransport.DEFAULT_PREFETCH;

		private int linksPerListener;

		private int linksPerClientId;

		private int requestsInFlight = LinkLimits.DEFAULT_REQUESTS_IN_FLIGHT;

		private int throwsInFlight = TransportSettings.DEFAULT_THROWS_IN_FLIGHT;

		private TlsSettings tls;

		private StreamSettings streams = StreamSettings.DEFAULTS;

		private ObservationRegistry observations;

		/**
		 * How the node's streams behave.
		 * @param streams the settings, or {@code null} for a node without streams (as a
		 * communica peer is)
		 * @return this builder
		 */
		public Builder streams(StreamSettings streams) {
			this.streams = streams;
			return this;
		}

		public Builder handlers(Object... beans) {
			this.handlers.addAll(List.of(beans));
			return this;
		}

		/**
		 * Add a transport besides tcp, unix and inproc.
		 * @param transport makes the node's own instance, which the node closes
		 * @return this builder
		 */
		public Builder transport(java.util.function.Supplier<Transport> transport) {
			this.transports.add(transport);
			return this;
		}

		public Builder clientId(String clientId) {
			this.clientId = clientId;
			return this;
		}

		public Builder maxFrameSize(int maxFrameSize) {
			this.maxFrameSize = maxFrameSize;
			return this;
		}

		public Builder handshakeTimeout(Duration handshakeTimeout) {
			this.handshakeTimeout = handshakeTimeout;
			return this;
		}

		public Builder heartbeatInterval(Duration heartbeatInterval) {
			this.heartbeatInterval = heartbeatInterval;
			return this;
		}

		public Builder requestTimeout(Duration requestTimeout) {
			this.requestTimeout = requestTimeout;
			return this;
		}

		public Builder features(java.util.Set<String> features) {
			this.features = features;
			return this;
		}

		/**
		 * Peer sessions of this node's listeners.
		 * @param resumeWindow how long a session outlives its link; zero turns sessions
		 * off
		 * @param maxQueued the most replies and calls kept for an absent client
		 * @return this builder
		 */
		public Builder sessions(Duration resumeWindow, int maxQueued) {
			this.resumeWindow = resumeWindow;
			this.maxQueued = maxQueued;
			return this;
		}

		/**
		 * How this node's {@code tls://} listeners and connectors secure their
		 * connections.
		 * @param tls the settings, see {@link TestTls}
		 * @return this builder
		 */
		public Builder tls(TlsSettings tls) {
			this.tls = tls;
			return this;
		}

		/**
		 * Observe this node's calls and what its handlers serve, as the
		 * auto-configuration does when an {@code ObservationRegistry} bean exists.
		 * @param observations the registry
		 * @return this builder
		 */
		public Builder observations(ObservationRegistry observations) {
			this.observations = observations;
			return this;
		}

		/**
		 * Bounds on the links each listener of this node holds.
		 * @param perListener the most links in all; zero for no bound
		 * @param perClientId the most links per client id; zero for no bound
		 * @return this builder
		 */
		public Builder linkLimits(int perListener, int perClientId) {
			this.linksPerListener = perListener;
			this.linksPerClientId = perClientId;
			return this;
		}

		/**
		 * The most requests each link of this node serves at once, as
		 * {@code comm.limits.requests-in-flight} sets it.
		 * @param requestsInFlight the limit
		 * @return this builder
		 */
		public Builder requestsInFlight(int requestsInFlight) {
			this.requestsInFlight = requestsInFlight;
			return this;
		}

		/**
		 * The most unhandled throws each connection of this node holds before it stops
		 * reading, as {@code comm.limits.throws-in-flight} sets it.
		 * @param throwsInFlight the bound
		 * @return this builder
		 */
		public Builder throwsInFlight(int throwsInFlight) {
			this.throwsInFlight = throwsInFlight;
			return this;
		}

		public Builder amqpPrefetch(int amqpPrefetch) {
			this.amqpPrefetch = amqpPrefetch;
			return this;
		}

		public CommTestNode build() {
			return new CommTestNode(this);
		}

	}

}
