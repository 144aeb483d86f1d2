package dev.comm.internal.client;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.comm.CommConnectionLostException;
import dev.comm.CommException;
import dev.comm.CommTimeoutException;
import dev.comm.address.CommAddress;
import dev.comm.endpoint.CommConnector;
import dev.comm.endpoint.ConnectorStatus;
import dev.comm.internal.session.ClientSession;
import dev.comm.internal.session.Link;
import dev.comm.internal.session.HandshakePolicy;
import dev.comm.internal.session.LinkSettings;
import dev.comm.internal.session.SessionPolicy;
import dev.comm.transport.Transport;
import dev.comm.transport.TransportSettings;

/**
 * Keeps one link to an address open: dials on {@link #start()}, and after a failure or a
 * lost connection dials again with {@link Backoff back-off} until {@link #stop()}.
 * Callers that need a link while there is none wait for the next one, up to their own
 * timeout.
 */
public final class DefaultCommConnector implements CommConnector {

	private static final Logger logger = LoggerFactory.getLogger(DefaultCommConnector.class);

	private final String name;

	private final CommAddress address;

	private final Transport transport;

	private final TransportSettings transportSettings;

	private volatile LinkSettings linkSettings;

	private final Backoff backoff;

	private final ScheduledExecutorService scheduler;

	private final Object lock = new Object();

	/** Holds requests in flight across a dropped link while the server may resume. */
	private final ClientSession session;

	/**
	 * Completed while connected; pending while (re)connecting. Replaced on every loss.
	 */
	private CompletableFuture<Link> current = new CompletableFuture<>();

	private boolean running;

	private int failures;

	/**
	 * Why the last attempt to connect failed, for the timeout message; null once linked.
	 */
	private volatile String lastFailure;

	/** What {@link #status()} reports; written under the lock. */
	private volatile ConnectorStatus.Phase phase = ConnectorStatus.Phase.STOPPED;

	private volatile Instant phaseSince = Instant.now();

	public DefaultCommConnector(String name, CommAddress address, Transport transport,
			TransportSettings transportSettings, LinkSettings linkSettings, Backoff backoff) {
		this.name = name;
		this.address = address;
		this.transport = transport;
		// a transport that names its queues after the client (communica over RabbitMQ)
		// learns who dials
		this.transportSettings = transportSettings.withClientId(linkSettings.clientId());
		// its links carry its name and scheme, for metrics and the actuator endpoint
		this.linkSettings = linkSettings.forEndpoint(name, address.scheme());
		this.backoff = backoff;
		this.scheduler = linkSettings.scheduler();
		this.session = new ClientSession(this.scheduler, address.toString());
	}

	/**
	 * Present credentials as {@code handshake} says on every connection. Call before
	 * {@link #start()}.
	 * @param handshake the policy
	 */
	public void presentBy(HandshakePolicy handshake) {
		this.linkSettings = this.linkSettings.withHandshake(handshake);
	}

	/**
	 * Start dialling in the background; returns at once.
	 */
	@Override
	public void start() {
		synchronized (this.lock) {
			if (this.running) {
				return;
			}
			this.running = true;
			enter(ConnectorStatus.Phase.CONNECTING);
			if (this.current.isDone()) {
				this.current = new CompletableFuture<>();
			}
		}
		dial();
	}

	/**
	 * Close the link and stop reconnecting. Callers still waiting for a link fail.
	 */
	@Override
	public void stop() {
		CompletableFuture<Link> last;
		synchronized (this.lock) {
			this.running = false;
			enter(ConnectorStatus.Phase.STOPPED);
			last = this.current;
		}
		CommConnectionLostException stopped = new CommConnectionLostException(
				"Connector '" + this.name + "' is stopped");
		this.session.close(stopped);
		last.completeExceptionally(stopped);
		if (last.isDone() && !last.isCompletedExceptionally()) {
			last.join().close();
		}
	}

	private void dial() {
		this.transport.connect(this.address, this.transportSettings)
			.thenCompose((connection) -> new Link(connection, Link.Role.CLIENT, this.linkSettings,
					SessionPolicy.client(this.session))
				.open())
			.whenComplete(this::dialled);
	}

	private void dialled(Link link, Throwable failure) {
		if (failure != null) {
			retryLater(failure);
			return;
		}
		CompletableFuture<Link> waiting;
		synchronized (this.lock) {
			if (!this.running) {
				link.close();
				return;
			}
			this.failures = 0;
			this.lastFailure = null;
			enter(ConnectorStatus.Phase.CONNECTED);
			waiting = this.current;
		}
		logger.info("Connector '{}' connected to {}", this.name, this.address);
		waiting.complete(link);
		// registered after completing, so that a link
		// closing in between is still seen as lost
		link.onClose(this::linkLost);
		MemberArrivals.arrived();
	}

	private void linkLost(Link link) {
		synchronized (this.lock) {
			if (!this.running || this.current.getNow(null) != link) {
				return;
			}
			this.current = new CompletableFuture<>();
			enter(ConnectorStatus.Phase.RECONNECTING);
		}
		logger.info("Connector '{}' lost its link to {}; reconnecting", this.name, this.address);
		retryLater(null);
	}

	private void retryLater(Throwable failure) {
		Duration delay;
		synchronized (this.lock) {
			if (!this.running) {
				return;
			}
			this.failures++;
			delay = this.backoff.delay(this.failures);
		}
		if (failure != null) {
			String cause = (failure.getCause() != null) ? failure.getCause().getMessage() : failure.getMessage();
			this.lastFailure = cause;
			if (this.failures == 1) {
				logger.warn("Connector '{}' cannot reach {} ({}); retrying with back-off", this.name, this.address,
						cause);
			}
			else {
				logger.debug("Connector '{}' attempt {} to reach {} failed: {}", this.name, this.failures, this.address,
						cause);
			}
		}
		this.scheduler.schedule(this::dial, delay.toNanos(), TimeUnit.NANOSECONDS);
	}

	/**
	 * An open link, now or once the connector (re)connects.
	 * @param timeout how long to wait for a link
	 * @return completes with the link, or exceptionally with {@link CommTimeoutException}
	 * when none opened in time, or {@link CommException} when the connector is stopped
	 */
	public CompletableFuture<Link> link(Duration timeout) {
		CompletableFuture<Link> shared;
		synchronized (this.lock) {
			shared = this.current;
		}
		if (shared.isDone() && !shared.isCompletedExceptionally() && !shared.join().isOpen()) {
			// the connection is gone but its loss is not reported yet: treat it as lost
			// now (the report then finds nothing to do), so that this caller waits for
			// the next link instead of failing on the dead one
			linkLost(shared.join());
			synchronized (this.lock) {
				shared = this.current;
			}
		}
		if (shared.isDone()) {
			return shared;
		}
		// a private future, so that one caller's timeout never completes the shared one
		CompletableFuture<Link> mine = new CompletableFuture<>();
		shared.whenComplete((link, ex) -> {
			if (ex != null) {
				mine.completeExceptionally(ex);
			}
			else {
				mine.complete(link);
			}
		});
		var timer = this.scheduler.schedule(() -> mine.completeExceptionally(noLinkWithin(timeout)), timeout.toNanos(),
				TimeUnit.NANOSECONDS);
		mine.whenComplete((link, ex) -> timer.cancel(false));
		return mine;
	}

	private CommTimeoutException noLinkWithin(Duration timeout) {
		String last = this.lastFailure;
		String reason = (last != null) ? "the last attempt failed: " + last : "is the peer running?";
		return new CommTimeoutException("No connection to " + this.address + " (connector '" + this.name + "') within "
				+ timeout.toMillis() + " ms; " + reason, timeout);
	}

	private void enter(ConnectorStatus.Phase next) {
		if (this.phase != next) {
			this.phaseSince = Instant.now();
			this.phase = next;
		}
	}

	@Override
	public ConnectorStatus status() {
		synchronized (this.lock) {
			return new ConnectorStatus(this.phase, this.phaseSince, this.lastFailure);
		}
	}

	@Override
	public boolean isConnected() {
		CompletableFuture<Link> shared;
		synchronized (this.lock) {
			shared = this.current;
		}
		return shared.isDone() && !shared.isCompletedExceptionally() && shared.join().isOpen();
	}

	/**
	 * Requests held for a session to resume after the link dropped.
	 * @return the count
	 */
	public int heldRequests() {
		return this.session.heldRequests();
	}

	/**
	 * Requests and throws sent on dropped links that may not have arrived and that the
	 * session could not send again.
	 * @return the count since the connector was made
	 */
	public long lostMessages() {
		return this.session.lostMessages();
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public CommAddress address() {
		return this.address;
	}

	@Override
	public String toString() {
		return "Connector[" + this.name + " -> " + this.address + "]";
	}

}
