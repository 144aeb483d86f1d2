package dev.comm.internal.session;

import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.comm.CommConnectionLostException;
import dev.comm.CommException;
import dev.comm.auth.CommAuthenticationException;
import dev.comm.protocol.ControlFrame;
import dev.comm.protocol.Features;
import dev.comm.protocol.Frame;
import dev.comm.protocol.Hello;
import dev.comm.protocol.MessageFrame;
import dev.comm.protocol.MessageType;
import dev.comm.protocol.Metadata;
import dev.comm.protocol.ProtocolException;
import dev.comm.protocol.Refusal;
import dev.comm.transport.Connection;
import dev.comm.transport.FrameReceiver;
import dev.comm.transport.PeerIdentity;

/**
 * A connection after the handshake: it correlates requests with responses, enforces
 * timeouts and the frame limit, keeps idle links alive with heartbeats, and hands inbound
 * requests and throws to the {@link InboundHandler} on handler threads. Either side of a
 * link may send requests.
 * <p>
 * Everything here is the same for every transport, which only moves frames.
 */
public final class Link implements FrameReceiver {

	private static final Logger logger = LoggerFactory.getLogger(Link.class);

	/**
	 * Request ids are unique per requester, not per connection: a communica peer may
	 * deliver a late response over a new connection of the same client, which must not
	 * match a newer request.
	 */
	private static final String ID_PREFIX = Long
		.toHexString(new java.security.SecureRandom().nextLong() | Long.MIN_VALUE);

	private static final AtomicLong ID_COUNTER = new AtomicLong();

	/** Which side of the handshake this link plays. */
	public enum Role {

		/** Dialled out; sends the client id. */
		CLIENT,

		/** Accepted; requires the peer's client id. */
		SERVER

	}

	private final Connection connection;

	private final Role role;

	private final LinkSettings settings;

	private final PendingRequests pending;

	private final FrameLimit limit;

	private final LinkResponder inbound;

	private final CompletableFuture<Link> opened = new CompletableFuture<>();

	private final AtomicBoolean closed = new AtomicBoolean();

	private final List<Consumer<Link>> closeListeners = new CopyOnWriteArrayList<>();

	private final LinkSession session;

	private final LinkTimer timer;

	private final LinkExtensions extensions;

	private volatile Set<String> announcedFeatures;

	/** Set once the peer is known, from its hello or from the transport. */
	private volatile boolean identified;

	private volatile String peerClientId;

	private volatile Set<String> agreedFeatures = Set.of();

	/** Who the listener's admission says the peer is, when it has one. */
	private volatile Principal admittedPrincipal;

	/** Why this side closed the connection, reported to requests in flight. */
	private volatile Throwable closeReason;

	private final Instant createdAt = Instant.now();

	/**
	 * A link without a peer session.
	 * @param connection the connection, not started
	 * @param role which side of the handshake this link plays
	 * @param settings what the application's links share
	 */
	public Link(Connection connection, Role role, LinkSettings settings) {
		this(connection, role, settings, SessionPolicy.none());
	}

	/**
	 * A link that keeps peer sessions as {@code sessions} says.
	 * @param connection the connection, not started
	 * @param role which side of the handshake this link plays
	 * @param settings what the application's links share
	 * @param sessions whether and how the link keeps a session; its half must match
	 * {@code role}
	 */
	public Link(Connection connection, Role role, LinkSettings settings, SessionPolicy sessions) {
		if ((role == Role.CLIENT) ? sessions.server() != null : sessions.client() != null) {
			throw new IllegalArgumentException(sessions + " does not fit a " + role + " link");
		}
		this.connection = connection;
		this.role = role;
		this.settings = settings;
		this.pending = new PendingRequests(settings.scheduler(), connection.remoteAddress());
		this.limit = new FrameLimit(connection.maxFrameSize());
		this.timer = new LinkTimer(settings.scheduler());
		this.inbound = new LinkResponder(this, connection, settings, this.limit);
		this.session = new LinkSession(sessions);
		this.extensions = new LinkExtensions(this, settings.extensions());
	}

	/**
	 * Start the handshake: write this side's hello and wait for the peer's, unless the
	 * connection {@link Connection#knownPeer() knows the peer} already.
	 * @return completes with this link once the peer's hello is in (at once for a known
	 * peer), or exceptionally when the peer refuses, says nothing within the handshake
	 * timeout, or the connection closes
	 */
	public CompletableFuture<Link> open() {
		Optional<PeerIdentity> known = this.connection.knownPeer();
		if (known.isPresent()) {
			// no hello exchange: identified before reading starts, so that the first
			// frame already finds the link open
			this.connection.send(ownHello());
			identified(known.get().clientId(), known.get().features());
			this.connection.start(this);
			return this.opened;
		}
		// Reading starts last: from then on the peer's hello may be handled on an I/O
		// thread before this method returns. By then the handshake timer must be set,
		// for hello() to replace it with the heartbeat timer, and this side's hello
		// must be queued, for requests sent the moment the link opens not to overtake
		// it: a communica peer takes everything up to the first 0x00 as the hello and
		// refuses the connection when that is not JSON.
		Duration handshakeTimeout = this.settings.handshakeTimeout();
		this.timer.startHandshake(handshakeTimeout, () -> {
			if (!this.opened.isDone()) {
				fail(new CommConnectionLostException("No hello from " + remoteAddress() + " within "
						+ handshakeTimeout.toMillis() + " ms (comm.handshake-timeout)"));
			}
		});
		if (!admitsPeer()) {
			this.connection.send(ownHello());
		}
		this.connection.start(this);
		return this.opened;
	}

	private Hello ownHello() {
		this.announcedFeatures = this.session.announced(this.settings.features());
		return (this.role == Role.CLIENT) ? this.session.hello(
				Hello.client(this.settings.clientId(), this.announcedFeatures, this.settings.handshake().credentials()))
				: Hello.server(this.announcedFeatures);
	}

	/** An accepting link whose peer must be admitted says hello only once it is. */
	private boolean admitsPeer() {
		return this.role == Role.SERVER && this.settings.handshake().admits();
	}

	/**
	 * Write a reply; with a server {@link SessionPolicy}, hand it to the client's session
	 * when this link is gone.
	 * @param reply the response frame
	 */
	public void sendReply(MessageFrame reply) {
		this.session.sendReply(reply, isOpen(), this.connection);
	}

	/**
	 * Send a request.
	 * @param route the route, or {@code null} for an unrouted request
	 * @param payload the encoded payload
	 * @param timeout how long to wait for the reply
	 * @return the reply payload, or an exception from comm's family
	 */
	public CompletableFuture<byte[]> request(String route, byte[] payload, Duration timeout) {
		return request(route, payload, timeout, Map.of());
	}

	/**
	 * Send a request with more metadata keys, such as a trace context.
	 * @param route the route, or {@code null} for an unrouted request
	 * @param payload the encoded payload
	 * @param timeout how long to wait for the reply
	 * @param extra metadata keys besides id, type and route
	 * @return the reply payload, or an exception from comm's family
	 */
	public CompletableFuture<byte[]> request(String route, byte[] payload, Duration timeout,
			Map<String, Object> extra) {
		String id = newRequestId();
		Metadata metadata = new Metadata(id, MessageType.REQUEST, route, extra);
		CommException tooLarge = this.limit.check(metadata, payload.length, remoteAddress());
		if (tooLarge != null) {
			return CompletableFuture.failedFuture(tooLarge);
		}
		CompletableFuture<byte[]> reply = this.pending.register(id, route, timeout);
		CompletableFuture<Void> sent = this.session.send(new MessageFrame(metadata, payload), this.connection);
		// nearly always accepted at once: no callback to allocate then
		if (!sent.isDone() || sent.isCompletedExceptionally()) {
			sent.whenComplete((ignored, ex) -> {
				if (ex != null) {
					this.pending.fail(id, ex);
				}
			});
		}
		return reply;
	}

	/**
	 * A new request id, unique to this process.
	 * @return the id
	 */
	public static String newRequestId() {
		// 32 lowercase hex digits, like communica's ids: a random per-process half and
		// a counter, both with the top bit set so that neither loses leading digits
		return ID_PREFIX + Long.toHexString(ID_COUNTER.incrementAndGet() | Long.MIN_VALUE);
	}

	/**
	 * Send a throw: no reply will come.
	 * @param route the route, or {@code null}
	 * @param payload the encoded payload
	 * @return completes once the message is handed to the transport
	 */
	public CompletableFuture<Void> send(String route, byte[] payload) {
		return send(route, payload, Map.of());
	}

	/**
	 * Send a throw with more metadata keys, such as a trace context.
	 * @param route the route, or {@code null}
	 * @param payload the encoded payload
	 * @param extra metadata keys besides id, type and route
	 * @return completes once the message is handed to the transport
	 */
	public CompletableFuture<Void> send(String route, byte[] payload, Map<String, Object> extra) {
		Metadata metadata = new Metadata("", MessageType.THROW, route, extra);
		CommException tooLarge = this.limit.check(metadata, payload.length, remoteAddress());
		if (tooLarge != null) {
			return CompletableFuture.failedFuture(tooLarge);
		}
		return this.session.send(new MessageFrame(metadata, payload), this.connection);
	}

	/**
	 * Write a frame of an extension's own.
	 * @param frame the frame
	 * @return completes once the frame is handed to the transport, or exceptionally when
	 * it is over the frame limit
	 */
	public CompletableFuture<Void> sendFrame(MessageFrame frame) {
		CommException tooLarge = this.limit.check(frame.metadata(), frame.payload().length, remoteAddress());
		return (tooLarge != null) ? CompletableFuture.failedFuture(tooLarge) : this.connection.send(frame);
	}

	/**
	 * The link's extension of a type, when both sides agreed it.
	 * @param <E> the extension's type
	 * @param type the extension's class
	 * @return the extension, or {@code null} when the peer did not announce it
	 */
	public <E extends LinkExtension> E extension(Class<E> type) {
		return this.extensions.get(type);
	}

	/**
	 * Close the link, telling the peer first. Requests in flight fail with
	 * {@link CommConnectionLostException}.
	 */
	public void close() {
		if (this.connection.isOpen() && this.opened.isDone() && !this.opened.isCompletedExceptionally()) {
			this.connection.send(ControlFrame.CLOSE_NOTIFY).whenComplete((ignored, ex) -> this.connection.close());
		}
		else {
			this.connection.close();
		}
	}

	@Override
	public void frame(Frame frame) {
		this.timer.read();
		try {
			if (frame instanceof MessageFrame message) {
				requireOpen();
				message(message);
			}
			else if (frame instanceof Hello hello) {
				hello(hello);
			}
			else if (frame instanceof Refusal refusal) {
				fail(new CommConnectionLostException(
						"Connection refused by " + remoteAddress() + ": " + refusal.reason()));
			}
			else if (frame == ControlFrame.PING) {
				this.connection.send(ControlFrame.PONG);
			}
			else if (frame == ControlFrame.CLOSE_NOTIFY) {
				this.session.peerClosing();
				this.connection.close();
			}
		}
		catch (ProtocolException ex) {
			logger.warn("Closing the link to {}: {}", remoteAddress(), ex.getMessage());
			fail(ex);
		}
	}

	private void requireOpen() {
		if (!this.identified) {
			throw new ProtocolException("Message before hello");
		}
	}

	private void hello(Hello hello) {
		if (this.identified) {
			throw new ProtocolException("Second hello");
		}
		if (this.role == Role.SERVER && hello.clientId() == null) {
			this.connection.send(new Refusal("the hello must carry a string client_id"))
				.whenComplete((ignored, ex) -> this.connection.close());
			fail(new ProtocolException("Hello without client_id from " + remoteAddress()));
			return;
		}
		this.session.peerHello(hello);
		if (admitsPeer()) {
			admit(hello);
			return;
		}
		identified(hello.clientId(), hello.features());
	}

	private void admit(Hello hello) {
		this.settings.handshake().admit(hello, this.connection).whenComplete((principal, refused) -> {
			if (this.opened.isDone()) {
				return; // timed out or closed while the peer was being decided on
			}
			if (refused != null) {
				refuse(hello, refused);
				return;
			}
			this.admittedPrincipal = principal;
			this.connection.send(ownHello());
			identified(hello.clientId(), hello.features());
		});
	}

	private void refuse(Hello hello, Throwable refused) {
		Throwable cause = (refused instanceof CompletionException) ? refused.getCause() : refused;
		String reason = (cause instanceof CommAuthenticationException) ? cause.getMessage() : "not authenticated";
		logger.warn("Refused client '{}' from {} on '{}': {}", hello.clientId(), remoteAddress(),
				this.settings.endpoint(), reason, (cause instanceof CommAuthenticationException) ? null : cause);
		this.connection.send(new Refusal(reason)).whenComplete((ignored, ex) -> this.connection.close());
		fail(new CommAuthenticationException("Refused client '" + hello.clientId() + "': " + reason));
	}

	private void identified(String clientId, Set<String> features) {
		this.peerClientId = clientId;
		this.agreedFeatures = Features.agreed(this.announcedFeatures, features);
		this.extensions.agree(this.agreedFeatures);
		this.identified = true;
		this.inbound.useErrorType(this.agreedFeatures.contains(Features.ERROR_TYPE));
		// before the link counts as open, so that the session message is the first frame
		// after the hello, ahead of any reply the session kept; a client with a session
		// opens on that message, within the handshake timeout
		if (!this.session.helloAgreed(this.agreedFeatures, clientId, this.connection)) {
			ready();
		}
	}

	private void ready() {
		this.timer.cancel();
		startHeartbeat();
		this.opened.complete(this);
	}

	private void message(MessageFrame message) {
		// well-formed and within the limit: the connection's contract
		Metadata metadata = message.metadata();
		LinkExtension extension = this.extensions.forType(metadata.type());
		if (extension != null) {
			extension.frame(message);
			this.connection.handled(message);
			return;
		}
		if (this.session.accept(metadata, this.agreedFeatures, this.pending, this.connection)) {
			if (!this.opened.isDone()) {
				ready();
			}
			return;
		}
		if (!MessageType.isInbound(metadata.type())) {
			this.session.responseArrived();
			if (!this.pending.complete(metadata.id(), metadata.type(), message.payload())
					&& !this.extensions.unmatchedResponse(message)) {
				logger.debug("Dropped a response from {} for unknown or expired request '{}'", remoteAddress(),
						metadata.id());
			}
			return;
		}
		if (!this.session.counts(metadata)) {
			logger.debug("Dropped a message from {}: a newer link of client '{}' took its session over",
					remoteAddress(), this.peerClientId);
			this.connection.handled(message);
			return;
		}
		this.inbound.accept(message);
	}

	@Override
	public void closed(Throwable cause) {
		if (!this.closed.compareAndSet(false, true)) {
			return;
		}
		this.timer.cancel();
		cause = (cause != null) ? cause : this.closeReason;
		String reason = (cause != null) ? ": " + cause.getMessage() : "";
		CommConnectionLostException lost = new CommConnectionLostException(
				"Connection to " + remoteAddress() + " was lost" + reason, cause);
		this.opened.completeExceptionally(lost);
		this.session.closed(this.pending, lost);
		this.extensions.closed(lost);
		for (Consumer<Link> listener : this.closeListeners) {
			listener.accept(this);
		}
	}

	private void fail(Throwable cause) {
		this.closeReason = cause;
		this.opened.completeExceptionally(cause);
		this.connection.close();
	}

	private void startHeartbeat() {
		Duration interval = this.settings.heartbeatInterval();
		if (!this.agreedFeatures.contains(Features.HEARTBEAT) || interval.isZero() || interval.isNegative()) {
			return;
		}
		this.timer.startHeartbeat(interval, () -> this.connection.send(ControlFrame.PING), () -> {
			logger.warn("Closing the link to {}: no answer to heartbeats", remoteAddress());
			fail(new CommConnectionLostException("Peer " + remoteAddress() + " stopped answering heartbeats"));
		}, this.connection::isReadingPaused);
	}

	/**
	 * Refuse new inbound requests from now on, with a responder-fault reply, while
	 * handlers already running finish and their replies still go out. Used when a
	 * listener shuts down gracefully.
	 * @return completes when no handler of this link runs any more
	 */
	public CompletableFuture<Void> drain() {
		return this.inbound.drain();
	}

	/**
	 * Call {@code listener} once, when the link has closed.
	 * @param listener the listener
	 */
	public void onClose(Consumer<Link> listener) {
		this.closeListeners.add(listener);
		if (this.closed.get()) {
			listener.accept(this);
		}
	}

	/**
	 * Whether the peer closed this link deliberately, with a close notify, rather than
	 * the link breaking.
	 * @return whether the peer said goodbye
	 */
	public boolean isClosedByPeer() {
		return this.session.isPeerClosing();
	}

	public boolean isOpen() {
		return !this.closed.get() && this.connection.isOpen() && this.identified;
	}

	/**
	 * Whether the peer has left this link's last heartbeat ping unanswered, so that the
	 * link is likely gone although its transport has not noticed yet.
	 * @return whether a ping is unanswered; {@code false} without heartbeats
	 */
	public boolean isPingUnanswered() {
		return this.timer.pingUnanswered();
	}

	/**
	 * The peer's client id: the one it sent when it dialled this side, or {@code null}
	 * when this side dialled.
	 * @return the client id
	 */
	public String peerClientId() {
		return this.peerClientId;
	}

	public Set<String> agreedFeatures() {
		return this.agreedFeatures;
	}

	public String remoteAddress() {
		return this.connection.remoteAddress();
	}

	/**
	 * Who the peer is: the principal its listener's authenticator admitted it as, or else
	 * what the transport proved (a TLS certificate's subject).
	 * @return the principal, or {@code null} when neither is known
	 */
	public Principal peerPrincipal() {
		Principal admitted = this.admittedPrincipal;
		return (admitted != null) ? admitted : this.connection.peerPrincipal();
	}

	/**
	 * When the connection under this link was made, for operators.
	 * @return the time the link was created
	 */
	public Instant createdAt() {
		return this.createdAt;
	}

	/**
	 * The listener or connector this link belongs to, for operators.
	 * @return its name, or {@code ""} for a link of no named endpoint
	 */
	public String endpoint() {
		return this.settings.endpoint();
	}

	/**
	 * The scheme of the transport under this link, for operators.
	 * @return the scheme, or {@code ""} when unknown
	 */
	public String transport() {
		return this.settings.transport();
	}

	/**
	 * Inbound requests and throws whose handlers have not finished.
	 * @return the count
	 */
	public int inboundInFlight() {
		return this.inbound.inFlight();
	}

	@Override
	public String toString() {
		return "Link[" + this.role + " " + remoteAddress() + "]";
	}

}
