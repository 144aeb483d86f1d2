package dev.comm.internal.server;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.comm.CommConnectionLostException;
import dev.comm.CommException;
import dev.comm.CommTimeoutException;
import dev.comm.internal.client.ReachableMember;
import dev.comm.internal.session.Link;
import dev.comm.internal.session.SenderLedgers;
import dev.comm.protocol.MessageFrame;

/**
 * The server's state for one client id, kept while the client is connected and for the
 * resume window after its link drops: replies to its requests that finished meanwhile,
 * and calls addressed to it, both bounded, wait for its next link and go out there. As a
 * pool member it stands for the client across its links.
 */
final class PeerSession implements ReachableMember {

	private static final Logger logger = LoggerFactory.getLogger(PeerSession.class);

	private final String clientId;

	private final PeerSessions sessions;

	/** At most this many senders' ledgers are kept per client id, the newest. */
	private static final int MAX_SENDERS = 64;

	private final Map<String, SenderLedgers> ledgers = new LinkedHashMap<>(16, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, SenderLedgers> eldest) {
			return size() > MAX_SENDERS;
		}

	};

	private final Deque<MessageFrame> replies = new ArrayDeque<>();

	private final Deque<CompletableFuture<Link>> waiting = new ArrayDeque<>();

	private Link current;

	private ScheduledFuture<?> expiry;

	private boolean ended;

	PeerSession(String clientId, PeerSessions sessions) {
		this.clientId = clientId;
		this.sessions = sessions;
	}

	/**
	 * The client's new link: deliver what waited for it, replies first, in order.
	 */
	void attach(Link link) {
		List<MessageFrame> pendingReplies;
		List<CompletableFuture<Link>> pendingCalls;
		synchronized (this) {
			if (this.expiry != null) {
				this.expiry.cancel(false);
				this.expiry = null;
			}
			this.current = link;
			pendingReplies = new ArrayList<>(this.replies);
			this.replies.clear();
			pendingCalls = new ArrayList<>(this.waiting);
			this.waiting.clear();
		}
		if (!pendingReplies.isEmpty() || !pendingCalls.isEmpty()) {
			logger.info("Session of '{}' resumed: delivering {} reply(ies) and {} call(s)", this.clientId,
					pendingReplies.size(), pendingCalls.size());
		}
		pendingReplies.forEach(link::sendReply);
		pendingCalls.forEach((call) -> call.complete(link));
	}

	/**
	 * A link of the client closed: when it was the current one, keep the session for the
	 * resume window, unless the client closed it deliberately.
	 */
	void detach(Link link) {
		List<CompletableFuture<Link>> calls;
		synchronized (this) {
			if (this.current != link || this.ended) {
				return;
			}
			this.current = null;
			if (!link.isClosedByPeer()) {
				this.expiry = this.sessions.scheduler()
					.schedule(this::expire, this.sessions.resumeWindow().toNanos(), TimeUnit.NANOSECONDS);
				return;
			}
			// the client said goodbye: it is not coming back to resume
			calls = end();
		}
		this.sessions.remove(this);
		CommConnectionLostException left = new CommConnectionLostException(
				"Peer '" + this.clientId + "' closed its connection");
		calls.forEach((call) -> call.completeExceptionally(left));
	}

	/**
	 * A session kept from a hello: it ends after the resume window unless a link is
	 * attached by then.
	 */
	synchronized void expireUnlessAttached() {
		if (this.current == null && this.expiry == null && !this.ended) {
			this.expiry = this.sessions.scheduler()
				.schedule(this::expire, this.sessions.resumeWindow().toNanos(), TimeUnit.NANOSECONDS);
		}
	}

	/**
	 * The ledgers of one sender of the client, new ones when the session has none for it.
	 */
	synchronized SenderLedgers.Found ledgers(String senderId) {
		SenderLedgers found = this.ledgers.get(senderId);
		if (found != null) {
			return new SenderLedgers.Found(found, true);
		}
		SenderLedgers created = new SenderLedgers();
		this.ledgers.put(senderId, created);
		return new SenderLedgers.Found(created, false);
	}

	/**
	 * A reply whose link was gone: send it on the current link, or keep it for the next.
	 */
	void undelivered(MessageFrame reply) {
		Link link;
		synchronized (this) {
			link = this.current;
			if (link == null || !link.isOpen()) {
				if (this.ended) {
					return;
				}
				if (this.replies.size() >= this.sessions.maxQueued()) {
					logger.warn("Dropped a reply to '{}': {} are already waiting for it to reconnect", this.clientId,
							this.replies.size());
					return;
				}
				this.replies.add(reply);
				return;
			}
		}
		link.sendReply(reply);
	}

	private void expire() {
		List<CompletableFuture<Link>> calls;
		synchronized (this) {
			if (this.current != null || this.ended) {
				return;
			}
			calls = end();
		}
		this.sessions.remove(this);
		logger.info("Session of '{}' ended: it did not reconnect within {} ms", this.clientId,
				this.sessions.resumeWindow().toMillis());
		CommConnectionLostException lost = new CommConnectionLostException("Peer '" + this.clientId
				+ "' did not reconnect within " + this.sessions.resumeWindow().toMillis() + " ms");
		calls.forEach((call) -> call.completeExceptionally(lost));
	}

	/**
	 * End the session now: the listener is stopping.
	 */
	void close(CommConnectionLostException cause) {
		List<CompletableFuture<Link>> calls;
		synchronized (this) {
			calls = end();
		}
		calls.forEach((call) -> call.completeExceptionally(cause));
	}

	private List<CompletableFuture<Link>> end() {
		this.ended = true;
		if (this.expiry != null) {
			this.expiry.cancel(false);
		}
		this.replies.clear();
		List<CompletableFuture<Link>> calls = new ArrayList<>(this.waiting);
		this.waiting.clear();
		return calls;
	}

	@Override
	public String id() {
		return this.clientId;
	}

	/**
	 * What waits for the client to come back: replies kept for it and calls to it.
	 * @return the count, zero while it is connected
	 */
	synchronized int queued() {
		return this.replies.size() + this.waiting.size();
	}

	@Override
	public synchronized boolean isLive() {
		return this.current != null && this.current.isOpen();
	}

	@Override
	public synchronized boolean isResumable() {
		return !this.ended;
	}

	/**
	 * The client's link; while it is away, the call waits in the session's queue until it
	 * reconnects, the timeout passes, or the session ends.
	 */
	@Override
	public CompletableFuture<Link> link(Duration timeout) {
		CompletableFuture<Link> call = new CompletableFuture<>();
		synchronized (this) {
			if (this.current != null && this.current.isOpen()) {
				return CompletableFuture.completedFuture(this.current);
			}
			if (this.ended) {
				return CompletableFuture
					.failedFuture(new CommConnectionLostException("Peer '" + this.clientId + "' is gone"));
			}
			if (this.waiting.size() >= this.sessions.maxQueued()) {
				return CompletableFuture.failedFuture(new CommException("Peer '" + this.clientId + "' is away and "
						+ this.waiting.size() + " calls already wait for it (comm.sessions.max-queued)"));
			}
			this.waiting.add(call);
		}
		ScheduledFuture<?> timer = this.sessions.scheduler().schedule(() -> {
			synchronized (this) {
				this.waiting.remove(call);
			}
			call.completeExceptionally(new CommTimeoutException(
					"Peer '" + this.clientId + "' did not reconnect within " + timeout.toMillis() + " ms", timeout));
		}, timeout.toNanos(), TimeUnit.NANOSECONDS);
		call.whenComplete((link, ex) -> timer.cancel(false));
		return call;
	}

	@Override
	public String toString() {
		return "PeerSession[" + this.clientId + "]";
	}

}
