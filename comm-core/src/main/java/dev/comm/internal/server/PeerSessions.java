package dev.comm.internal.server;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;

import dev.comm.CommConnectionLostException;
import dev.comm.internal.client.ReachableMember;
import dev.comm.internal.session.Link;
import dev.comm.internal.session.SenderLedgers;
import dev.comm.internal.session.SessionOffer;
import dev.comm.protocol.MessageFrame;

/**
 * A listener's peer sessions by client id, as communica keeps them: a client that
 * reconnects with the same id within the resume window gets the replies and calls that
 * waited for it. The instance id is new for every listener object, so a client can tell a
 * restarted server process from a resumed one.
 */
final class PeerSessions implements SessionOffer {

	private final String instanceId = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));

	private final Map<String, PeerSession> byClientId = new LinkedHashMap<>();

	private final Duration resumeWindow;

	private final int maxQueued;

	private final ScheduledExecutorService scheduler;

	PeerSessions(Duration resumeWindow, int maxQueued, ScheduledExecutorService scheduler) {
		this.resumeWindow = resumeWindow;
		this.maxQueued = maxQueued;
		this.scheduler = scheduler;
	}

	/**
	 * A client's link opened: attach it to the client's session, new or kept.
	 */
	void attach(Link link) {
		PeerSession session;
		synchronized (this.byClientId) {
			session = this.byClientId.computeIfAbsent(link.peerClientId(), (id) -> new PeerSession(id, this));
		}
		session.attach(link);
		link.onClose(session::detach);
	}

	void remove(PeerSession session) {
		synchronized (this.byClientId) {
			this.byClientId.remove(session.id(), session);
		}
	}

	/**
	 * Every kept session, connected or waiting for its client to come back.
	 */
	List<ReachableMember> members() {
		synchronized (this.byClientId) {
			return List.copyOf(this.byClientId.values());
		}
	}

	/**
	 * Replies and calls that wait for absent clients, over all sessions.
	 * @return the count
	 */
	int queued() {
		List<PeerSession> sessions;
		synchronized (this.byClientId) {
			sessions = List.copyOf(this.byClientId.values());
		}
		// each session counted under its own lock, not under the map's
		return sessions.stream().mapToInt(PeerSession::queued).sum();
	}

	void closeAll() {
		List<ReachableMember> all = members();
		synchronized (this.byClientId) {
			this.byClientId.clear();
		}
		CommConnectionLostException stopping = new CommConnectionLostException("The listener is stopping");
		all.forEach((member) -> ((PeerSession) member).close(stopping));
	}

	@Override
	public void undelivered(String clientId, MessageFrame reply) {
		PeerSession session;
		synchronized (this.byClientId) {
			session = this.byClientId.get(clientId);
		}
		if (session != null) {
			session.undelivered(reply);
		}
	}

	@Override
	public String instanceId() {
		return this.instanceId;
	}

	@Override
	public Resumption resume(String clientId, String senderId, Object link) {
		PeerSession session;
		boolean known;
		synchronized (this.byClientId) {
			session = this.byClientId.get(clientId);
			known = session != null;
			if (!known) {
				session = new PeerSession(clientId, this);
				this.byClientId.put(clientId, session);
			}
		}
		if (!known) {
			// kept from the hello on, so that the count starts with the link; a link that
			// never opens leaves it to expire
			session.expireUnlessAttached();
		}
		if (senderId == null) {
			return new Resumption(known, -1, null);
		}
		SenderLedgers.Found found = session.ledgers(senderId);
		long received = found.ledgers().received().takeOver(link);
		return new Resumption(known, found.existed() ? received : -1, found.ledgers());
	}

	Duration resumeWindow() {
		return this.resumeWindow;
	}

	int maxQueued() {
		return this.maxQueued;
	}

	ScheduledExecutorService scheduler() {
		return this.scheduler;
	}

}
