package dev.comm.internal.session;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.comm.CommConnectionLostException;
import dev.comm.protocol.Features;
import dev.comm.protocol.Hello;
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

	private static final Logger logger = LoggerFactory.getLogger(LinkSession.class);

	/** The session message's and the sender member's count of what arrived. */
	private static final String RECEIVED = "received";

	/** The hello's member that names the client's sender and what it received. */
	private static final String SENDER = "sender";

	/** Dialled: the connector's session, kept across links; or {@code null}. */
	private final ClientSession clientSession;

	/** Accepted: the sessions of the listener; or {@code null}. */
	private final SessionOffer offer;

	private final boolean keeps;

	/** The peer's client id, once its hello is in. */
	private volatile String peerClientId;

	/** Client role: the server instance that confirmed a session on this link. */
	private volatile String confirmedInstance;

	/** Client role: a session was agreed, so sends go through the client's session. */
	private volatile boolean clientSessionAgreed;

	/** Server role: the session's count of what it received, once agreed. */
	private volatile InboundTally tally;

	/** Server role: the session's replies, once agreed. */
	private volatile SentLedger replies;

	/** Server role: the responses the client says it received, or -1 when it did not. */
	private volatile long peerReceived = -1;

	/** Server role: the client's sender, when its hello names one. */
	private volatile String peerSender;

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
	 * This side's hello: a client with a session says how many responses it received, so
	 * that the server sends again those that a dropped link lost.
	 */
	Hello hello(Hello own) {
		ClientSession session = this.clientSession;
		if (session == null) {
			return own;
		}
		Map<String, Object> sender = new LinkedHashMap<>();
		sender.put("id", session.senderId());
		sender.put(RECEIVED, session.repliesReceived());
		return own.withComm(SENDER, sender);
	}

	/**
	 * The peer's hello arrived.
	 */
	void peerHello(Hello hello) {
		if (hello.comm(SENDER) instanceof Map<?, ?> sender && sender.get("id") instanceof String id
				&& sender.get(RECEIVED) instanceof Number count && count.longValue() >= 0) {
			this.peerSender = id;
			this.peerReceived = count.longValue();
		}
	}

	/**
	 * The peer's hello is in and the features agreed: a server writes its session
	 * message, the first frame after the hellos; a client whose server keeps no session
	 * gives up what it held.
	 * @return whether the link must wait for the server's session message before it opens
	 * (a client that agreed a session: what it sends is counted from the server's count)
	 */
	boolean helloAgreed(Set<String> agreed, String peerClientId, Connection connection) {
		this.peerClientId = peerClientId;
		boolean session = agreed.contains(Features.SESSION);
		if (session && this.offer != null) {
			SessionOffer.Resumption resumption = this.offer.resume(peerClientId, this.peerSender, this);
			Map<String, Object> extra = new LinkedHashMap<>();
			extra.put("instance", this.offer.instanceId());
			extra.put("resumed", resumption.known());
			if (resumption.received() >= 0) {
				extra.put(RECEIVED, resumption.received());
			}
			connection.send(new MessageFrame(new Metadata("", MessageType.SESSION, null, extra), new byte[0]));
			if (resumption.ledgers() != null) {
				this.tally = resumption.ledgers().received();
				resendReplies(resumption, connection);
			}
		}
		else if (!session && this.clientSession != null) {
			this.clientSession.noSession();
		}
		this.clientSessionAgreed = session && this.clientSession != null;
		return this.clientSessionAgreed;
	}

	private void resendReplies(SessionOffer.Resumption resumption, Connection connection) {
		SentLedger ledger = resumption.ledgers().replies();
		SentLedger.Settlement settlement = ledger.confirmed(connection, resumption.received() >= 0, this.peerReceived);
		this.replies = ledger;
		if (!settlement.resend().isEmpty()) {
			logger.info("Sending {} reply(ies) to '{}' again: they did not arrive before its link dropped",
					settlement.resend().size(), this.peerClientId);
			settlement.resend().forEach((reply) -> ledger.send(reply, connection));
		}
		if (settlement.lost() > 0) {
			logger.warn("{} reply(ies) to '{}' may not have arrived: its link dropped, and comm kept too few to"
					+ " send them again", settlement.lost(), this.peerClientId);
		}
	}

	/**
	 * A response arrived: a client with a session counts it for its next hello.
	 */
	void responseArrived() {
		if (this.clientSessionAgreed) {
			this.clientSession.replyArrived();
		}
	}

	/**
	 * Take the server's session message, if this is one.
	 * @return whether the message was the session message
	 */
	boolean accept(Metadata metadata, Set<String> agreed, PendingRequests pending, Connection connection) {
		ClientSession session = this.clientSession;
		if (metadata.type() != MessageType.SESSION || session == null || !agreed.contains(Features.SESSION)) {
			return false;
		}
		if (!(metadata.extra().get("instance") instanceof String instance)) {
			throw new ProtocolException("Session message without a string instance");
		}
		// a server that does not count leaves it out: nothing can be sent again then
		long received = (metadata.extra().get(RECEIVED) instanceof Number count) ? count.longValue() : -1;
		session.resumed(instance, Boolean.TRUE.equals(metadata.extra().get("resumed")), received, pending, connection);
		this.confirmedInstance = instance;
		return true;
	}

	/**
	 * Send a request or throw: through the client's session when one was agreed, so that
	 * it can be sent again if the link drops before it arrives.
	 */
	CompletableFuture<Void> send(MessageFrame message, Connection connection) {
		return this.clientSessionAgreed ? this.clientSession.send(message, connection) : connection.send(message);
	}

	/**
	 * Count an inbound request or throw in the client's session.
	 * @return whether to serve it: not when a newer link of the client took the session
	 * over, which the client learnt does not have it
	 */
	boolean counts(Metadata metadata) {
		InboundTally counting = this.tally;
		if (counting == null || (metadata.type() != MessageType.REQUEST && metadata.type() != MessageType.THROW)) {
			return true;
		}
		return counting.count(this);
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
	 * Write a reply, or hand it to the session when the link is gone or a newer link of
	 * the client took the session over.
	 */
	void sendReply(MessageFrame reply, boolean open, Connection connection) {
		SessionOffer sessions = this.offer;
		String clientId = this.peerClientId;
		if (sessions == null || clientId == null) {
			connection.send(reply);
			return;
		}
		InboundTally counting = this.tally;
		if (!open || (counting != null && !counting.isCurrent(this))) {
			sessions.undelivered(clientId, reply);
			return;
		}
		SentLedger ledger = this.replies;
		if (ledger != null) {
			// kept until the client's next hello says it arrived
			ledger.send(reply, connection);
			return;
		}
		connection.send(reply).whenComplete((ignored, ex) -> {
			if (ex != null) {
				sessions.undelivered(clientId, reply);
			}
		});
	}

}
