package dev.comm.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.util.unit.DataSize;

import dev.comm.transport.TlsSettings;

/**
 * Configuration properties for comm: identity, limits, listeners and connectors.
 */
@ConfigurationProperties("comm")
public class CommProperties {

	/**
	 * Identity announced when connecting; defaults to spring.application.name, else a
	 * host- and process-based id.
	 */
	private String clientId;

	/**
	 * Default time a request waits for its reply, including waiting for a connection.
	 */
	private Duration requestTimeout = Duration.ofSeconds(30);

	/**
	 * Largest frame sent or accepted; a longer length read from the wire closes the
	 * connection.
	 */
	private DataSize maxFrameSize = DataSize.ofMegabytes(16);

	/**
	 * Time a dial has to reach the peer (for tls, to finish the TLS handshake too).
	 */
	private Duration connectTimeout = Duration.ofSeconds(10);

	/**
	 * Time a new connection has to complete its hello.
	 */
	private Duration handshakeTimeout = Duration.ofSeconds(10);

	/**
	 * Interval of heartbeats on idle links with comm peers; a peer silent for three
	 * intervals is dropped. Zero turns heartbeats off.
	 */
	private Duration heartbeatInterval = Duration.ofSeconds(15);

	/**
	 * Time running handlers get to finish when the application stops.
	 */
	private Duration shutdownGracePeriod = Duration.ofSeconds(10);

	/**
	 * Maximum number of platform threads running handlers; unused when virtual threads
	 * are enabled.
	 */
	private int handlerThreads = 200;

	/**
	 * Number of I/O threads for the socket transports; 0 means one per processor.
	 */
	private int ioThreads = 0;

	/**
	 * Listeners by name: where this application accepts peers.
	 */
	private final Map<String, Listener> listeners = new LinkedHashMap<>();

	/**
	 * Connectors by name: peers this application dials.
	 */
	private final Map<String, Connector> connectors = new LinkedHashMap<>();

	/**
	 * Pools by name: listeners' peers and connectors grouped behind one name.
	 */
	private final Map<String, Pool> pools = new LinkedHashMap<>();

	/**
	 * Peer sessions of the listeners.
	 */
	private final Sessions sessions = new Sessions();

	/**
	 * Transports that can be switched off.
	 */
	private final Transports transports = new Transports();

	/**
	 * Settings of the amqp transport.
	 */
	private final Amqp amqp = new Amqp();

	/**
	 * What callers are told of unexpected handler failures.
	 */
	@NestedConfigurationProperty
	private final CommErrorProperties error = new CommErrorProperties();

	/**
	 * How much peers may hold of this application: links per listener and client id,
	 * requests and throws per link.
	 */
	@NestedConfigurationProperty
	private final CommLimitsProperties limits = new CommLimitsProperties();

	/**
	 * Requests that handlers answer with many items: window, timeouts, limit per link.
	 */
	@NestedConfigurationProperty
	private final CommStreamsProperties streams = new CommStreamsProperties();

	public String getClientId() {
		return this.clientId;
	}

	public void setClientId(String clientId) {
		this.clientId = clientId;
	}

	public Duration getRequestTimeout() {
		return this.requestTimeout;
	}

	public void setRequestTimeout(Duration requestTimeout) {
		this.requestTimeout = requestTimeout;
	}

	public DataSize getMaxFrameSize() {
		return this.maxFrameSize;
	}

	public void setMaxFrameSize(DataSize maxFrameSize) {
		this.maxFrameSize = maxFrameSize;
	}

	public Duration getConnectTimeout() {
		return this.connectTimeout;
	}

	public void setConnectTimeout(Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
	}

	public Duration getHandshakeTimeout() {
		return this.handshakeTimeout;
	}

	public void setHandshakeTimeout(Duration handshakeTimeout) {
		this.handshakeTimeout = handshakeTimeout;
	}

	public Duration getHeartbeatInterval() {
		return this.heartbeatInterval;
	}

	public void setHeartbeatInterval(Duration heartbeatInterval) {
		this.heartbeatInterval = heartbeatInterval;
	}

	public Duration getShutdownGracePeriod() {
		return this.shutdownGracePeriod;
	}

	public void setShutdownGracePeriod(Duration shutdownGracePeriod) {
		this.shutdownGracePeriod = shutdownGracePeriod;
	}

	public int getHandlerThreads() {
		return this.handlerThreads;
	}

	public void setHandlerThreads(int handlerThreads) {
		this.handlerThreads = handlerThreads;
	}

	public int getIoThreads() {
		return this.ioThreads;
	}

	public void setIoThreads(int ioThreads) {
		this.ioThreads = ioThreads;
	}

	public Map<String, Listener> getListeners() {
		return this.listeners;
	}

	public Map<String, Connector> getConnectors() {
		return this.connectors;
	}

	public Map<String, Pool> getPools() {
		return this.pools;
	}

	public Sessions getSessions() {
		return this.sessions;
	}

	public Transports getTransports() {
		return this.transports;
	}

	public Amqp getAmqp() {
		return this.amqp;
	}

	public CommErrorProperties getError() {
		return this.error;
	}

	public CommLimitsProperties getLimits() {
		return this.limits;
	}

	public CommStreamsProperties getStreams() {
		return this.streams;
	}

	/**
	 * A listener.
	 */
	public static class Listener {

		/**
		 * Address to listen on, for example tcp://0.0.0.0:7070 or
		 * unix:///run/app/comm.sock; port 0 binds a free port. ws:/path mounts a
		 * WebSocket listener at that path on the application's own HTTP server.
		 */
		private String uri;

		/**
		 * Service this listener is an instance of, for amqp addresses; the same as
		 * ?service= in the uri.
		 */
		private String service;

		/**
		 * Origins whose browser pages may open a ws listener, for example
		 * https://app.example.com, or * for any. Empty allows only same-origin browser
		 * connections; clients that send no Origin header are not affected.
		 */
		private List<String> allowedOrigins = new ArrayList<>();

		/**
		 * TLS of a tls:// listener, or of an amqps:// listener's broker connection.
		 */
		private final ListenerSsl ssl = new ListenerSsl();

		public String getUri() {
			return this.uri;
		}

		public void setUri(String uri) {
			this.uri = uri;
		}

		public String getService() {
			return this.service;
		}

		public void setService(String service) {
			this.service = service;
		}

		public List<String> getAllowedOrigins() {
			return this.allowedOrigins;
		}

		public void setAllowedOrigins(List<String> allowedOrigins) {
			this.allowedOrigins = allowedOrigins;
		}

		public ListenerSsl getSsl() {
			return this.ssl;
		}

	}

	/**
	 * A connector.
	 */
	public static class Connector {

		/**
		 * Address to connect to, for example tcp://billing:7070.
		 */
		private String uri;

		/**
		 * Addresses to connect to, one pool member each; instead of uri.
		 */
		private List<String> uris = new ArrayList<>();

		/**
		 * How single calls pick a live member when there are several URIs: random or
		 * round-robin.
		 */
		private String strategy = "round-robin";

		/**
		 * Service to call, for amqp addresses; the same as ?service= in the uri.
		 */
		private String service;

		/**
		 * Request timeout for calls through this connector; defaults to
		 * comm.request-timeout.
		 */
		private Duration requestTimeout;

		/**
		 * Bearer token presented in the hello of every connection, for listeners that
		 * authenticate their peers; a CommCredentials bean serves connectors without one.
		 * Send it over tls or wss only: plain tcp and ws show it to the network.
		 */
		private String token;

		/**
		 * Reconnect back-off of this connector.
		 */
		private final Reconnect reconnect = new Reconnect();

		/**
		 * TLS of tls://, wss:// and amqps:// addresses.
		 */
		private final Ssl ssl = new Ssl();

		public String getUri() {
			return this.uri;
		}

		public String getToken() {
			return this.token;
		}

		public void setToken(String token) {
			this.token = token;
		}

		public void setUri(String uri) {
			this.uri = uri;
		}

		public List<String> getUris() {
			return this.uris;
		}

		public void setUris(List<String> uris) {
			this.uris = uris;
		}

		public String getStrategy() {
			return this.strategy;
		}

		public void setStrategy(String strategy) {
			this.strategy = strategy;
		}

		/**
		 * The configured addresses: {@code uri} alone, or {@code uris}.
		 * @return the addresses, empty when none is configured
		 */
		List<String> addresses() {
			return (this.uri != null && !this.uri.isBlank()) ? List.of(this.uri) : List.copyOf(this.uris);
		}

		public String getService() {
			return this.service;
		}

		public void setService(String service) {
			this.service = service;
		}

		public Duration getRequestTimeout() {
			return this.requestTimeout;
		}

		public void setRequestTimeout(Duration requestTimeout) {
			this.requestTimeout = requestTimeout;
		}

		public Reconnect getReconnect() {
			return this.reconnect;
		}

		public Ssl getSsl() {
			return this.ssl;
		}

	}

	/**
	 * TLS of a connector's tls://, wss:// and amqps:// addresses.
	 */
	public static class Ssl {

		/**
		 * SSL bundle (spring.ssl.bundle.*) with the certificates to trust and, when the
		 * other side asks for one, the client certificate to present. Without one, the
		 * JVM's default certificate authorities are trusted. For a tls:// listener: the
		 * key and certificate it presents, and the certificates client certificates must
		 * chain to.
		 */
		private String bundle;

		public String getBundle() {
			return this.bundle;
		}

		public void setBundle(String bundle) {
			this.bundle = bundle;
		}

	}

	/**
	 * TLS of a tls:// listener, or of an amqps:// listener's broker connection.
	 */
	public static class ListenerSsl extends Ssl {

		/**
		 * Whether clients are asked for a certificate the bundle's trust material trusts:
		 * none, want (asked, not required) or need.
		 */
		private TlsSettings.ClientAuth clientAuth = TlsSettings.ClientAuth.NONE;

		public TlsSettings.ClientAuth getClientAuth() {
			return this.clientAuth;
		}

		public void setClientAuth(TlsSettings.ClientAuth clientAuth) {
			this.clientAuth = clientAuth;
		}

	}

	/**
	 * A pool that mixes peers accepted by listeners with connectors.
	 */
	public static class Pool {

		/**
		 * Names of listeners whose connected peers are members.
		 */
		private List<String> listeners = new ArrayList<>();

		/**
		 * Names of connectors whose addresses are members.
		 */
		private List<String> connectors = new ArrayList<>();

		/**
		 * How single calls pick a live member: random or round-robin.
		 */
		private String strategy = "round-robin";

		/**
		 * Request timeout for calls through this pool; defaults to comm.request-timeout.
		 */
		private Duration requestTimeout;

		public List<String> getListeners() {
			return this.listeners;
		}

		public void setListeners(List<String> listeners) {
			this.listeners = listeners;
		}

		public List<String> getConnectors() {
			return this.connectors;
		}

		public void setConnectors(List<String> connectors) {
			this.connectors = connectors;
		}

		public String getStrategy() {
			return this.strategy;
		}

		public void setStrategy(String strategy) {
			this.strategy = strategy;
		}

		public Duration getRequestTimeout() {
			return this.requestTimeout;
		}

		public void setRequestTimeout(Duration requestTimeout) {
			this.requestTimeout = requestTimeout;
		}

	}

	/**
	 * Reconnect back-off.
	 */
	public static class Reconnect {

		/**
		 * Delay before the first reconnect attempt.
		 */
		private Duration initialDelay = Duration.ofMillis(500);

		/**
		 * Largest delay between attempts.
		 */
		private Duration maxDelay = Duration.ofSeconds(30);

		/**
		 * Factor applied to the delay after each failed attempt.
		 */
		private double multiplier = 2;

		public Duration getInitialDelay() {
			return this.initialDelay;
		}

		public void setInitialDelay(Duration initialDelay) {
			this.initialDelay = initialDelay;
		}

		public Duration getMaxDelay() {
			return this.maxDelay;
		}

		public void setMaxDelay(Duration maxDelay) {
			this.maxDelay = maxDelay;
		}

		public double getMultiplier() {
			return this.multiplier;
		}

		public void setMultiplier(double multiplier) {
			this.multiplier = multiplier;
		}

	}

	/**
	 * Peer sessions: what a listener keeps for a client whose link dropped.
	 */
	public static class Sessions {

		/**
		 * How long a client's session outlives its link; replies and calls for it wait
		 * that long for it to reconnect with the same client id. Zero turns sessions off.
		 */
		private Duration resumeWindow = Duration.ofSeconds(30);

		/**
		 * Most replies, and separately calls, kept for one absent client.
		 */
		private int maxQueued = 1000;

		public Duration getResumeWindow() {
			return this.resumeWindow;
		}

		public void setResumeWindow(Duration resumeWindow) {
			this.resumeWindow = resumeWindow;
		}

		public int getMaxQueued() {
			return this.maxQueued;
		}

		public void setMaxQueued(int maxQueued) {
			this.maxQueued = maxQueued;
		}

	}

	/**
	 * Switches for the built-in transports.
	 */
	public static class Transports {

		/**
		 * Whether the tcp transport, which also serves tls://, is available.
		 */
		private boolean tcp = true;

		/**
		 * Whether the unix socket transport is available.
		 */
		private boolean unix = true;

		/**
		 * Whether the in-process transport is available.
		 */
		private boolean inproc = true;

		/**
		 * Whether the amqp transport is available when Spring AMQP is on the classpath.
		 */
		private boolean amqp = true;

		/**
		 * Whether the WebSocket transport is available, when Spring WebSocket is on the
		 * classpath.
		 */
		private boolean ws = true;

		public boolean isTcp() {
			return this.tcp;
		}

		public void setTcp(boolean tcp) {
			this.tcp = tcp;
		}

		public boolean isUnix() {
			return this.unix;
		}

		public void setUnix(boolean unix) {
			this.unix = unix;
		}

		public boolean isInproc() {
			return this.inproc;
		}

		public void setInproc(boolean inproc) {
			this.inproc = inproc;
		}

		public boolean isAmqp() {
			return this.amqp;
		}

		public void setAmqp(boolean amqp) {
			this.amqp = amqp;
		}

		public boolean isWs() {
			return this.ws;
		}

		public void setWs(boolean ws) {
			this.ws = ws;
		}

	}

	/**
	 * Settings of the amqp transport.
	 */
	public static class Amqp {

		/**
		 * Largest number of unacknowledged messages a listener takes from each of its
		 * queues; messages beyond it wait in the broker for any instance.
		 */
		private int prefetch = 50;

		public int getPrefetch() {
			return this.prefetch;
		}

		public void setPrefetch(int prefetch) {
			this.prefetch = prefetch;
		}

	}

}
