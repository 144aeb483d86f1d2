package dev.comm.internal.session;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.comm.protocol.MessageFrame;
import dev.comm.transport.Connection;
import dev.comm.transport.PreparedFrame;

/**
 * What one side of a session sent on its current link, oldest first, so that what the
 * peer never received can be sent again on the next link: a client's requests and throws,
 * a server's replies. The peer says how many it received over all links (the server in
 * its session message, the client in its hello); a link's messages arrive in the order
 * sent, so the ones past that count are the lost ones.
 * <p>
 * What is kept is bounded by {@link #MAX_MESSAGES} and {@link #MAX_BYTES}: the oldest
 * give way, and are then reported lost if the server turns out not to have them.
 */
public final class SentLedger {

	/** At most this many messages are kept for resending. */
	static final int MAX_MESSAGES = 4096;

	/** At most this many payload bytes are kept for resending. */
	static final long MAX_BYTES = 8L * 1024 * 1024;

	private final ArrayDeque<MessageFrame> sent = new ArrayDeque<>();

	private Connection link;

	/** The server's count when the current link began. */
	private long base;

	/** Messages of the current link that gave way to newer ones. */
	private long forgotten;

	private long bytes;

	/**
	 * Send on a link, keeping the message while it is the session's current link.
	 * @param message a request or throw
	 * @param connection the link's connection
	 * @return completes once the transport took the message; for a kept message, also
	 * when the connection failed to take it
	 */
	public CompletableFuture<Void> send(MessageFrame message, Connection connection) {
		// encoded before the lock, and woken writers or held-back senders after it:
		// senders on many threads (a server's handlers) take turns only to get in line
		PreparedFrame prepared = connection.prepare(message);
		PreparedFrame.Queued queued = null;
		synchronized (this) {
			if (connection == this.link) {
				this.sent.add(message);
				this.bytes += message.payload().length;
				while (this.sent.size() > MAX_MESSAGES || (this.bytes > MAX_BYTES && this.sent.size() > 1)) {
					this.bytes -= this.sent.removeFirst().payload().length;
					this.forgotten++;
				}
				// in the lock: the order kept is the order queued
				queued = prepared.queue();
			}
		}
		if (queued == null) {
			return prepared.send();
		}
		CompletableFuture<Void> written = queued.finish();
		if (written.isDone() && !written.isCompletedExceptionally()) {
			return written;
		}
		// kept: should the link drop before the peer reads it, the next link sends it
		// again, or it is counted lost; the sender is not told of a failure either way
		return written.exceptionally((ignored) -> null);
	}

	/**
	 * A new link of the session opened and the peer said what it received: find what the
	 * previous link lost, and make the new link current.
	 * @param connection the new link's connection
	 * @param resumed whether the session goes on from the previous link
	 * @param received the messages the peer received in the session before this link
	 * @return what to send again on the new link, in order, and how many messages are
	 * lost beyond that
	 */
	public synchronized Settlement confirmed(Connection connection, boolean resumed, long received) {
		Settlement settlement;
		if (this.link == null) {
			settlement = new Settlement(List.of(), 0);
		}
		else if (!resumed) {
			// a new server process, or the session ended: nothing can be told apart
			settlement = new Settlement(List.of(), this.forgotten + this.sent.size());
		}
		else {
			long arrived = received - this.base - this.forgotten;
			long unknown = Math.max(0, -arrived);
			List<MessageFrame> resend = new ArrayList<>(this.sent);
			settlement = new Settlement(
					resend.subList((int) Math.min(resend.size(), Math.max(0, arrived)), resend.size()), unknown);
		}
		this.link = connection;
		this.base = received;
		this.forgotten = 0;
		this.bytes = 0;
		this.sent.clear();
		return settlement;
	}

	/**
	 * The session ended: keep nothing more.
	 * @return the messages of the last link that may not have arrived
	 */
	synchronized long clear() {
		long unconfirmed = (this.link != null) ? this.forgotten + this.sent.size() : 0;
		this.link = null;
		this.sent.clear();
		this.bytes = 0;
		this.forgotten = 0;
		return unconfirmed;
	}

	/**
	 * What a resumed session does about the previous link's messages.
	 *
	 * @param resend the messages the server did not receive, oldest first
	 * @param lost messages that may not have arrived and are not kept to send again
	 */
	public record Settlement(List<MessageFrame> resend, long lost) {

	}

}
