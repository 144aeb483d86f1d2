package dev.comm.internal.session;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import dev.comm.CommConnectionLostException;
import dev.comm.protocol.Features;
import dev.comm.protocol.MessageFrame;
import dev.comm.protocol.MessageType;
import dev.comm.protocol.Metadata;
import dev.comm.protocol.ProtocolException;
import dev.comm.transport.Connection;

/**
 * A {@link Link}'s part in a peer session: what it announces, the session message after
 * the hellos, where its requests go when it drops, and where replies go that it can no
 * longer write. Without a session every method leaves the link as it would be without
 * sessions.
 */
final class LinkSession {

	/** Dialled: the connector's session, kept across links; or {@code null}. */
	private final ClientSession clientSession;

	/** Accepted: the sessions of the listener; or {@code null}. */
	private final SessionOffer offer;

	private final boolean keeps;

	/** The peer's client id, once its hello is in. */
	private volatile String peerClientId;

	/** Client role: the server instance that confirmed a session on this link. */
	private volatile String confirmedInstance;

	/** The peer said goodbye: its session ends with this link. */
	private volatile boolean peerClosing;

	LinkSession(SessionPolicy policy) {
		this.clientSession = policy.client();
		this.offer = policy.server();
		this.keeps = policy.keepsSession();
	}

	/**
	 * The features to announce: sessions only when this link keeps one, so that a peer
	 * never waits for a session message that will not come.
	 */
	Set<String> announced(Set<String> features) {
		if (this.keeps || !features.contains(Features.SESSION)) {
			return Set.copyOf(features);
		}
		Set<String> without = new HashSet<>(features);
		without.remove(Features.SESSION);
		return Set.copyOf(without);
	}

	/**
	 * The peer's hello is in and the features agreed: a server writes its session
	 * message, the first frame after the hellos; a client whose server keeps no session
	 * gives up what it held.
	 */
	void helloAgreed(Set<String> agreed, String peerClientId, Connection connection) {
		this.peerClientId = peerClientId;
		boolean session = agreed.contains(Features.SESSION);
		if (session && this.offer != null) {
			Map<String, Object> extra = new LinkedHashMap<>();
			extra.put("instance", this.offer.instanceId());
			extra.put("resumed", this.offer.knows(peerClientId));
			connection.send(new MessageFrame(new Metadata("", MessageType.SESSION, null, extra), new byte[0]));
		}
		else if (!session && this.clientSession != null) {
			this.clientSession.noSession();
		}
	}

	/**
	 * Take the server's session message, if this is one.
	 * @return whether the message was the session message
	 */
	boolean accept(Metadata metadata, Set<String> agreed, PendingRequests pending) {
		ClientSession session = this.clientSession;
		if (metadata.type() != MessageType.SESSION || session == null || !agreed.contains(Features.SESSION)) {
			return false;
		}
		if (!(metadata.extra().get("instance") instanceof String instance)) {
			throw new ProtocolException("Session message without a string instance");
		}
		session.resumed(instance, Boolean.TRUE.equals(metadata.extra().get("resumed")), pending);
		this.confirmedInstance = instance;
		return true;
	}

	void peerClosing() {
		this.peerClosing = true;
	}

	boolean isPeerClosing() {
		return this.peerClosing;
	}

	/**
	 * The link closed: its requests wait for the next link when the server may live on,
	 * and fail otherwise.
	 */
	void closed(PendingRequests pending, CommConnectionLostException lost) {
		ClientSession session = this.clientSession;
		String instance = this.confirmedInstance;
		if (session != null && instance != null && !this.peerClosing) {
			session.suspend(pending, instance, lost);
		}
		else {
			pending.failAll(lost);
			if (session != null) {
				session.ended(pending);
			}
		}
	}

	/**
	 * Write a reply, or hand it to the session when the link is gone.
	 */
	void sendReply(MessageFrame reply, boolean open, Connection connection) {
		SessionOffer sessions = this.offer;
		String clientId = this.peerClientId;
		if (sessions == null || clientId == null) {
			connection.send(reply);
			return;
		}
		if (!open) {
			sessions.undelivered(clientId, reply);
			return;
		}
		connection.send(reply).whenComplete((ignored, ex) -> {
			if (ex != null) {
				sessions.undelivered(clientId, reply);
			}
		});
	}

}
