package dev.comm.internal.session;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.comm.CommConnectionLostException;
import dev.comm.protocol.MessageFrame;
import dev.comm.transport.Connection;

/**
 * The client's half of a peer session, kept by a connector across its links. When a link
 * to a server that confirmed a session drops without the server saying goodbye, the
 * requests in flight are held here instead of failing. The next link's session message
 * decides: the same server instance with the session still known takes them over and
 * their replies arrive there; a new server process, or one that forgot the session, fails
 * them at once. Requests held keep their own timeouts.
 * <p>
 * The session also keeps what was sent on its current link ({@link SentLedger}): when the
 * same server resumes the session, the requests and throws it never received are sent
 * again on the new link, and those that cannot be are counted and logged as lost.
 */
public final class ClientSession {

	private static final Logger logger = LoggerFactory.getLogger(ClientSession.class);

	private final PendingRequests held;

	private final String peer;

	private final SentLedger ledger = new SentLedger();

	private final AtomicLong lost = new AtomicLong();

	/**
	 * Names this connector to the server, whose session may serve several connectors of
	 * one client id.
	 */
	private final String senderId = HexFormat.of().formatHex(new SecureRandom().generateSeed(8));

	/** Responses received on the session's links, which the next hello reports. */
	private final AtomicLong repliesReceived = new AtomicLong();

	private volatile String serverInstance;

	/** The requests of the newest confirmed link, while it is open. */
	private PendingRequests active;

	private volatile boolean closed;

	/**
	 * Create a session.
	 * @param scheduler runs the held requests' timeouts
	 * @param peer the server's address, for messages
	 */
	public ClientSession(ScheduledExecutorService scheduler, String peer) {
		this.held = new PendingRequests(scheduler, peer);
		this.peer = peer;
	}

	/**
	 * A link with a confirmed session dropped: hold its requests for the next link.
	 */
	synchronized void suspend(PendingRequests pending, String instance, CommConnectionLostException lost) {
		if (this.closed) {
			pending.failAll(lost);
			return;
		}
		if (this.active != null && this.active != pending) {
			// a newer link was confirmed before this one's loss was reported: it decides
			if (instance.equals(this.serverInstance)) {
				pending.transferTo(this.active);
			}
			else {
				pending.failAll(newProcess());
			}
			return;
		}
		this.active = null;
		pending.transferTo(this.held);
		if (this.held.size() > 0) {
			logger.info("Holding {} request(s) to {} for the session to resume", this.held.size(), this.peer);
		}
	}

	/**
	 * A link ended without holding its requests (the server closed it deliberately): it
	 * is no longer the one newer losses hand requests to.
	 */
	synchronized void ended(PendingRequests pending) {
		if (this.active == pending) {
			this.active = null;
		}
	}

	private CommConnectionLostException newProcess() {
		return new CommConnectionLostException(
				"The server at " + this.peer + " is a new process; the request was lost with the old one");
	}

	/**
	 * A new link's server named its instance.
	 * @param instance the server's instance id
	 * @param known whether the server still had this client's session
	 * @param received the requests and throws the server received in the session before
	 * this link
	 * @param into the new link's requests
	 * @param connection the new link's connection
	 */
	synchronized void resumed(String instance, boolean known, long received, PendingRequests into,
			Connection connection) {
		String previous = this.serverInstance;
		this.serverInstance = instance;
		this.active = into;
		boolean sameSession = known && instance.equals(previous);
		SentLedger.Settlement settlement = this.ledger.confirmed(connection, sameSession && received >= 0,
				Math.max(0, received));
		if (this.held.size() > 0) {
			if (sameSession) {
				logger.info("Session with {} resumed; {} request(s) wait for their replies", this.peer,
						this.held.size());
				this.held.transferTo(into);
			}
			else {
				this.held.failAll(
						instance.equals(previous)
								? new CommConnectionLostException("The server at " + this.peer
										+ " no longer knew this client's session; the request was lost")
								: newProcess());
			}
		}
		if (!settlement.resend().isEmpty()) {
			logger.info("Sending {} request(s) and throw(s) to {} again: they did not arrive before the link dropped",
					settlement.resend().size(), this.peer);
			// replies find their requests: the held ones were moved over first
			settlement.resend().forEach((message) -> this.ledger.send(message, connection));
		}
		reportLost(settlement.lost());
	}

	private void reportLost(long count) {
		if (count > 0) {
			this.lost.addAndGet(count);
			logger.warn("{} request(s) and throw(s) sent to {} may not have arrived: the link dropped, and the server"
					+ " could not say which it received (a new process, an ended session, or more than comm keeps"
					+ " to send again)", count, this.peer);
		}
	}

	/**
	 * Send a request or throw on a link of this session.
	 * @param message the message
	 * @param connection the link's connection
	 * @return completes once the transport took the message
	 */
	CompletableFuture<Void> send(MessageFrame message, Connection connection) {
		return this.ledger.send(message, connection);
	}

	/**
	 * A response arrived on a link of this session.
	 */
	void replyArrived() {
		this.repliesReceived.incrementAndGet();
	}

	/**
	 * The responses received on the session's links so far, for the next link's hello:
	 * the server sends again those that did not arrive.
	 * @return the count
	 */
	long repliesReceived() {
		return this.repliesReceived.get();
	}

	String senderId() {
		return this.senderId;
	}

	/**
	 * Requests and throws sent on dropped links that may not have arrived and could not
	 * be sent again. A request among them also fails, or times out, on its own.
	 * @return the count since the connector started
	 */
	public long lostMessages() {
		return this.lost.get();
	}

	/**
	 * A new link opened without a session: nothing held can be answered any more.
	 */
	synchronized void noSession() {
		this.active = null;
		reportLost(this.ledger.clear());
		this.held.failAll(new CommConnectionLostException(
				"The server at " + this.peer + " no longer keeps sessions; the request was lost"));
	}

	/**
	 * Fail everything held, and hold nothing from now on: the connector is stopping.
	 * @param cause what held requests fail with
	 */
	public synchronized void close(CommConnectionLostException cause) {
		this.closed = true;
		this.active = null;
		this.ledger.clear();
		this.held.failAll(cause);
	}

	/**
	 * Requests waiting for the session to resume.
	 * @return the count
	 */
	public int heldRequests() {
		return this.held.size();
	}

}
