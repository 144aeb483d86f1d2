package dev.comm.internal.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.comm.address.CommAddress;
import dev.comm.endpoint.CommListener;
import dev.comm.endpoint.PeerInfo;
import dev.comm.endpoint.PeerListener;
import dev.comm.internal.client.MemberArrivals;
import dev.comm.internal.client.ReachableMember;
import dev.comm.internal.session.Link;
import dev.comm.internal.session.HandshakePolicy;
import dev.comm.internal.session.LinkSettings;
import dev.comm.internal.session.SessionPolicy;
import dev.comm.transport.Connection;
import dev.comm.transport.Listener;
import dev.comm.transport.Transport;
import dev.comm.transport.TransportSettings;

/**
 * Accepts peers on one address: each accepted connection becomes a {@link Link} after its
 * handshake. Stops gracefully: first stop accepting, then let handlers in flight finish
 * within a grace period, then close the links.
 */
public final class DefaultCommListener implements CommListener {

	private static final Logger logger = LoggerFactory.getLogger(DefaultCommListener.class);

	/** How long {@link #stop} waits for closed links to report that they are gone. */
	private static final Duration CLOSE_WAIT = Duration.ofSeconds(2);

	private final String name;

	private final CommAddress requestedAddress;

	private final Transport transport;

	private final TransportSettings transportSettings;

	private volatile LinkSettings linkSettings;

	/**
	 * In the order the peers connected, so that the newest link of a client id is last.
	 */
	private final Set<Link> links = new CopyOnWriteArraySet<>();

	private final List<PeerListener> peerListeners = new CopyOnWriteArrayList<>();

	private volatile Listener listener;

	private volatile PeerSessions sessions;

	private volatile LinkAdmission admission;

	public DefaultCommListener(String name, CommAddress address, Transport transport,
			TransportSettings transportSettings, LinkSettings linkSettings) {
		this.name = name;
		this.requestedAddress = address;
		this.transport = transport;
		this.transportSettings = transportSettings;
		// its links carry its name and scheme, for metrics and the actuator endpoint
		this.linkSettings = linkSettings.forEndpoint(name, address.scheme());
	}

	/**
	 * Keep peer sessions by client id: replies and calls for a client whose link dropped
	 * wait up to {@code resumeWindow} for it to reconnect. Call before {@link #start()}.
	 * @param resumeWindow how long a session outlives its link
	 * @param maxQueued the most replies, and separately calls, kept for one absent client
	 */
	public void enableSessions(Duration resumeWindow, int maxQueued) {
		if (resumeWindow.isNegative() || resumeWindow.isZero() || maxQueued < 1) {
			throw new IllegalArgumentException("A resume window must be positive and a queue at least 1, not "
					+ resumeWindow + " and " + maxQueued);
		}
		this.sessions = new PeerSessions(resumeWindow, maxQueued, this.linkSettings.scheduler());
	}

	/**
	 * Admit peers as {@code handshake} says, for example by the application's
	 * authenticator. Call before {@link #start()}.
	 * @param handshake the policy
	 */
	public void admitBy(HandshakePolicy handshake) {
		this.linkSettings = this.linkSettings.withHandshake(handshake);
	}

	/**
	 * Hold at most {@code perListener} links, and at most {@code perClientId} links of
	 * one client id; a peer beyond either is refused at its hello with a reason that
	 * names the limit. Over a broker there is no hello to refuse, and neither applies.
	 * Call before {@link #start()}.
	 * @param perListener the most links in all; zero or less for no bound
	 * @param perClientId the most links per client id; zero or less for no bound
	 */
	public void limitLinks(int perListener, int perClientId) {
		this.admission = (perListener > 0 || perClientId > 0) ? new LinkAdmission(this.name, perListener, perClientId)
				: null;
	}

	/**
	 * Bind and start accepting.
	 * @throws dev.comm.CommException if the address cannot be bound
	 */
	@Override
	public synchronized void start() {
		if (this.listener != null) {
			return;
		}
		this.listener = this.transport.listen(this.requestedAddress, this.transportSettings, this::accept);
		logger.info("Listener '{}' accepting on {}", this.name, this.listener.address());
	}

	private void accept(Connection connection) {
		PeerSessions peerSessions = this.sessions;
		LinkAdmission limits = this.admission;
		// a connection that knows its peer (over a broker) has no hello to refuse
		LinkAdmission.Ticket ticket = (limits != null && connection.knownPeer().isEmpty())
				? limits.accept(this.linkSettings.handshake()) : null;
		LinkSettings settings = (ticket != null) ? this.linkSettings.withHandshake(ticket) : this.linkSettings;
		Link link = new Link(connection, Link.Role.SERVER, settings,
				(peerSessions != null) ? SessionPolicy.server(peerSessions) : SessionPolicy.none());
		if (ticket != null) {
			ticket.bind(link);
			link.onClose((closed) -> ticket.release());
		}
		link.open().whenComplete((opened, ex) -> {
			if (ex != null) {
				logger.debug("Handshake with {} failed: {}", connection.remoteAddress(), ex.getMessage());
				return;
			}
			this.links.add(link);
			if (peerSessions != null) {
				peerSessions.attach(link);
			}
			logger.debug("Peer '{}' connected to listener '{}'", link.peerClientId(), this.name);
			notifyPeers((peerListener) -> peerListener.peerConnected(this, peerInfo(link)));
			MemberArrivals.arrived();
			// registered after announcing the connection, so that a link that closes
			// at once is still announced before its disconnection
			link.onClose((closed) -> {
				this.links.remove(closed);
				notifyPeers((peerListener) -> peerListener.peerDisconnected(this, peerInfo(closed)));
			});
		});
	}

	private void notifyPeers(java.util.function.Consumer<PeerListener> event) {
		for (PeerListener peerListener : this.peerListeners) {
			try {
				event.accept(peerListener);
			}
			catch (RuntimeException ex) {
				logger.warn("Peer listener {} of listener '{}' failed", peerListener, this.name, ex);
			}
		}
	}

	/**
	 * Tell {@code peerListener} about peers that connect and disconnect from now on.
	 * @param peerListener the listener
	 */
	public void addPeerListener(PeerListener peerListener) {
		this.peerListeners.add(peerListener);
	}

	/**
	 * Stop accepting, wait up to {@code grace} for handlers in flight, then close every
	 * link.
	 * @param grace how long handlers may take to finish
	 */
	@Override
	public void stop(Duration grace) {
		Listener current;
		synchronized (this) {
			current = this.listener;
		}
		if (current == null) {
			return;
		}
		current.close();
		List<CompletableFuture<Void>> idle = this.links.stream().map(Link::drain).toList();
		synchronized (this) {
			// not running from here on: accepting has stopped and new requests are
			// refused
			this.listener = null;
		}
		if (!awaitAll(idle, grace)) {
			logger.warn("Listener '{}' closing with {} handler(s) still running after {} ms", this.name, inFlight(),
					grace.toMillis());
		}
		List<CompletableFuture<Void>> gone = new ArrayList<>();
		for (Link link : List.copyOf(this.links)) {
			CompletableFuture<Void> closed = new CompletableFuture<>();
			link.onClose((ignored) -> closed.complete(null));
			gone.add(closed);
			link.close();
		}
		// closing is asynchronous; wait a little so that stop() returns with the peers
		// gone
		awaitAll(gone, CLOSE_WAIT);
		PeerSessions peerSessions = this.sessions;
		if (peerSessions != null) {
			peerSessions.closeAll();
		}
	}

	private int inFlight() {
		return this.links.stream().mapToInt(Link::inboundInFlight).sum();
	}

	/**
	 * Wait for every event, up to {@code timeout}.
	 * @return whether all happened in time
	 */
	private static boolean awaitAll(List<CompletableFuture<Void>> events, Duration timeout) {
		try {
			CompletableFuture.allOf(events.toArray(CompletableFuture[]::new))
				.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
			return true;
		}
		catch (TimeoutException ex) {
			return false;
		}
		catch (ExecutionException ex) {
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static PeerInfo peerInfo(Link link) {
		return new PeerInfo(link.peerClientId(), link.remoteAddress());
	}

	@Override
	public boolean isRunning() {
		return this.listener != null;
	}

	/**
	 * The bound address: the real port when port 0 was requested.
	 * @return the bound address, or the requested one before {@link #start()}
	 */
	@Override
	public CommAddress address() {
		Listener current = this.listener;
		return (current != null) ? current.address() : this.requestedAddress;
	}

	@Override
	public String name() {
		return this.name;
	}

	/**
	 * The peers connected now.
	 * @return the open links
	 */
	public Collection<Link> getLinks() {
		return List.copyOf(this.links);
	}

	/**
	 * Replies and calls kept for peers that are away within the resume window.
	 * @return the count; zero without sessions
	 */
	public int queuedForAbsentPeers() {
		PeerSessions peerSessions = this.sessions;
		return (peerSessions != null) ? peerSessions.queued() : 0;
	}

	/**
	 * The peers as pool members, identified by client id: with sessions, one per kept
	 * session (connected, or away within the resume window); without, one per open link,
	 * in the order they connected.
	 * @return the members
	 */
	public List<ReachableMember> peers() {
		PeerSessions peerSessions = this.sessions;
		if (peerSessions != null) {
			return peerSessions.members();
		}
		return this.links.stream().filter(Link::isOpen).map(ReachableMember::of).toList();
	}

}
