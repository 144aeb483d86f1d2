package dev.comm.internal.server;

import java.security.Principal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.comm.auth.CommAuthenticationException;
import dev.comm.internal.session.HandshakePolicy;
import dev.comm.internal.session.Link;
import dev.comm.protocol.Hello;
import dev.comm.transport.Connection;

/**
 * A listener's bounds on the links it holds: at most so many in all, and at most so many
 * per client id. A connection takes a slot of the listener's when it is accepted, before
 * its handshake, so that concurrent connects never overshoot; it takes a slot of its
 * client id's when its hello is admitted. Both are freed when its link closes. A peer
 * that finds no slot is refused at its hello with a reason that names the limit.
 * <p>
 * A new link of a client id that holds its limit takes the place of that client id's
 * oldest link whose last heartbeat ping went unanswered, so that a client reconnecting
 * after a broken link is not refused while the listener has not yet noticed the old one
 * is gone; when every link of the client id answers, the newcomer is refused.
 */
final class LinkAdmission {

	private static final Logger logger = LoggerFactory.getLogger(LinkAdmission.class);

	private final String listener;

	private final int maxLinks;

	private final int maxPerClientId;

	private final AtomicInteger links = new AtomicInteger();

	/** Each client id's admitted links, oldest first; guarded by itself. */
	private final Map<String, List<Link>> byClientId = new HashMap<>();

	/**
	 * Bounds for one listener.
	 * @param listener the listener's name, for the log
	 * @param maxLinks the most links in all; zero or less for no bound
	 * @param maxPerClientId the most links per client id; zero or less for no bound
	 */
	LinkAdmission(String listener, int maxLinks, int maxPerClientId) {
		this.listener = listener;
		this.maxLinks = maxLinks;
		this.maxPerClientId = maxPerClientId;
	}

	/**
	 * Take a slot for a connection just accepted.
	 * @param handshake how the listener admits peers otherwise
	 * @return the connection's ticket: its handshake, and the slots to free when its link
	 * closes
	 */
	Ticket accept(HandshakePolicy handshake) {
		return new Ticket(handshake, reserveLink());
	}

	private boolean reserveLink() {
		if (this.maxLinks <= 0) {
			return true;
		}
		// a compare-and-set loop rather than increment-then-check, so that the count
		// never passes the bound even for a moment
		int current;
		do {
			current = this.links.get();
			if (current >= this.maxLinks) {
				return false;
			}
		}
		while (!this.links.compareAndSet(current, current + 1));
		return true;
	}

	private String listenerFull() {
		return "the listener holds its limit of " + this.maxLinks + " links (comm.limits.links-per-listener)";
	}

	private String clientIdFull(String clientId) {
		return "client id '" + clientId + "' holds its limit of " + this.maxPerClientId
				+ " links on this listener (comm.limits.links-per-client-id)";
	}

	/**
	 * One accepted connection's admission. It is the link's {@link HandshakePolicy}: it
	 * refuses the peer when the listener had no slot for it, takes the client id's slot
	 * once the listener's own admission has said yes, and frees both on {@link #release}.
	 */
	final class Ticket implements HandshakePolicy {

		private final HandshakePolicy handshake;

		private final boolean holdsLink;

		private Link link;

		/** The client id whose slot this ticket holds; guarded by the map. */
		private String clientId;

		/** Set once the link closed: from then on it takes no slot. */
		private boolean released;

		private Ticket(HandshakePolicy handshake, boolean holdsLink) {
			this.handshake = handshake;
			this.holdsLink = holdsLink;
		}

		/**
		 * The link this ticket admits; call before it opens.
		 * @param link the link
		 */
		void bind(Link link) {
			this.link = link;
		}

		@Override
		public Map<String, Object> credentials() {
			return this.handshake.credentials();
		}

		/**
		 * Only a link that may be refused reads the hello before it answers, so that an
		 * unbounded listener with room keeps the usual handshake order.
		 */
		@Override
		public boolean admits() {
			return !this.holdsLink || LinkAdmission.this.maxPerClientId > 0 || this.handshake.admits();
		}

		@Override
		public CompletableFuture<Principal> admit(Hello hello, Connection connection) {
			if (!this.holdsLink) {
				return CompletableFuture.failedFuture(new CommAuthenticationException(listenerFull()));
			}
			CompletableFuture<Principal> admitted = this.handshake.admits() ? this.handshake.admit(hello, connection)
					: CompletableFuture.completedFuture(connection.peerPrincipal());
			if (LinkAdmission.this.maxPerClientId <= 0) {
				return admitted;
			}
			// counted after the listener's authenticator said yes, so that a peer it
			// refuses never takes a client id's slot
			return admitted.thenApply((principal) -> {
				takeClientIdSlot(hello.clientId());
				return principal;
			});
		}

		private void takeClientIdSlot(String id) {
			Link replaced = null;
			synchronized (LinkAdmission.this.byClientId) {
				if (this.released) {
					return; // closed while it was being decided on: the link opens no
							// more
				}
				List<Link> held = LinkAdmission.this.byClientId.computeIfAbsent(id, (key) -> new ArrayList<>());
				if (held.size() >= LinkAdmission.this.maxPerClientId) {
					replaced = held.stream().filter(Link::isPingUnanswered).findFirst().orElse(null);
					if (replaced == null) {
						throw new CommAuthenticationException(clientIdFull(id));
					}
					held.remove(replaced);
				}
				held.add(this.link);
				this.clientId = id;
			}
			if (replaced != null) {
				logger.info("Listener '{}' replaces an unanswering link of client id '{}' from {} by one from {}",
						LinkAdmission.this.listener, id, replaced.remoteAddress(), this.link.remoteAddress());
				replaced.close();
			}
		}

		/**
		 * Free this ticket's slots; called once, when its link has closed.
		 */
		void release() {
			synchronized (LinkAdmission.this.byClientId) {
				this.released = true;
				if (this.clientId != null) {
					List<Link> held = LinkAdmission.this.byClientId.get(this.clientId);
					if (held != null && held.remove(this.link) && held.isEmpty()) {
						LinkAdmission.this.byClientId.remove(this.clientId);
					}
				}
			}
			if (this.holdsLink && LinkAdmission.this.maxLinks > 0) {
				LinkAdmission.this.links.decrementAndGet();
			}
		}

	}

}
