package dev.comm.internal.session;

import java.util.concurrent.ScheduledExecutorService;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.comm.CommConnectionLostException;

/**
 * The client's half of a peer session, kept by a connector across its links. When a link
 * to a server that confirmed a session drops without the server saying goodbye, the
 * requests in flight are held here instead of failing. The next link's session message
 * decides: the same server instance with the session still known takes them over and
 * their replies arrive there; a new server process, or one that forgot the session, fails
 * them at once. Requests held keep their own timeouts.
 */
public final class ClientSession {

	private static final Logger logger = LoggerFactory.getLogger(ClientSession.class);

	private final PendingRequests held;

	private final String peer;

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
	 * @param into the new link's requests
	 */
	synchronized void resumed(String instance, boolean known, PendingRequests into) {
		String previous = this.serverInstance;
		this.serverInstance = instance;
		this.active = into;
		if (this.held.size() == 0) {
			return;
		}
		if (known && instance.equals(previous)) {
			logger.info("Session with {} resumed; {} request(s) wait for their replies", this.peer, this.held.size());
			this.held.transferTo(into);
		}
		else {
			this.held
				.failAll(
						instance.equals(previous)
								? new CommConnectionLostException("The server at " + this.peer
										+ " no longer knew this client's session; the request was lost")
								: newProcess());
		}
	}

	/**
	 * A new link opened without a session: nothing held can be answered any more.
	 */
	synchronized void noSession() {
		this.active = null;
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
