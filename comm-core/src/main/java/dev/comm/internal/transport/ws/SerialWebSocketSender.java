package dev.comm.internal.transport.ws;

import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;

import dev.comm.CommConnectionLostException;
import dev.comm.CommException;
import dev.comm.internal.concurrent.SerialExecutor;

/**
 * Sends one session's messages one after another on a writer thread. A WebSocket session
 * allows one write at a time and its writes block, so senders (handler threads, timers,
 * the container's own thread answering a ping) only queue here; the order of one thread's
 * calls is kept.
 * <p>
 * Bounded as the stream transports are: a message is accepted at once while little waits
 * here; past {@link #HIGH_WATER_MARK} queued bytes the sender's future completes only
 * when the backlog has drained, which holds back a fast sender of throws. A request does
 * not wait for that future, so past {@link #LIMIT} queued bytes a message is refused at
 * once with a {@link CommException} that says the peer reads too slowly. A message that
 * fails to write after it was accepted, on a session still open, is reported to
 * {@code writeFailed}, which closes the connection; the messages behind it are dropped.
 */
final class SerialWebSocketSender {

	/** Bytes queued before senders are held back, as for a stream connection. */
	static final long HIGH_WATER_MARK = 256 * 1024;

	/** Bytes queued at which messages are refused rather than queued. */
	static final long LIMIT = 64 * HIGH_WATER_MARK;

	private static final Logger logger = LoggerFactory.getLogger(SerialWebSocketSender.class);

	private static final CompletableFuture<Void> ACCEPTED = CompletableFuture.completedFuture(null);

	private final WebSocketSession session;

	private final String remoteAddress;

	private final Consumer<Exception> writeFailed;

	private final SerialExecutor writes;

	private final AtomicLong queuedBytes = new AtomicLong();

	private final Queue<CompletableFuture<Void>> heldBack = new ConcurrentLinkedQueue<>();

	/** Set once a write failed or the session closed: later writes have nowhere to go. */
	private volatile boolean stopped;

	/**
	 * Create a sender.
	 * @param session the session written to
	 * @param writer runs the blocking writes
	 * @param remoteAddress how to name the peer in errors
	 * @param writeFailed told, once, of a write that failed after it was accepted
	 */
	SerialWebSocketSender(WebSocketSession session, Executor writer, String remoteAddress,
			Consumer<Exception> writeFailed) {
		this.session = session;
		this.remoteAddress = remoteAddress;
		this.writeFailed = writeFailed;
		this.writes = new SerialExecutor(writer, (task) -> ((Write) task).refused());
	}

	/**
	 * Queue a message.
	 * @param message the message
	 * @return completes when the sender may go on, exceptionally when the peer is so far
	 * behind that the message is refused
	 */
	CompletableFuture<Void> send(WebSocketMessage<?> message) {
		long queued = this.queuedBytes.get();
		if (queued >= LIMIT) {
			return CompletableFuture.failedFuture(new CommException("Cannot send to " + this.remoteAddress + ": "
					+ queued + " bytes already wait for it to read them, at most " + LIMIT
					+ " may; it reads more slowly than this side sends (wait for replies before sending more)"));
		}
		int bytes = message.getPayloadLength();
		this.queuedBytes.addAndGet(bytes);
		this.writes.execute(new Write(() -> this.session.sendMessage(message), bytes, false));
		if (!isFull()) {
			return ACCEPTED;
		}
		CompletableFuture<Void> later = new CompletableFuture<>();
		this.heldBack.add(later);
		// the backlog may have drained, or the session closed, since the check
		if (!isFull() || this.stopped) {
			release();
		}
		return later;
	}

	/**
	 * Close the session after the messages queued before.
	 * @param status the close status
	 */
	void close(CloseStatus status) {
		this.writes.execute(new Write(() -> {
			if (this.session.isOpen()) {
				this.session.close(status);
			}
		}, 0, true));
	}

	/** The session closed: drop what waits and fail held-back senders. */
	void closed() {
		this.stopped = true;
		release();
	}

	private void release() {
		CompletableFuture<Void> sender;
		while ((this.stopped || !isFull()) && (sender = this.heldBack.poll()) != null) {
			if (this.stopped) {
				sender.completeExceptionally(
						new CommConnectionLostException("Connection to " + this.remoteAddress + " is closed"));
			}
			else {
				sender.complete(null);
			}
		}
	}

	private boolean isFull() {
		return this.queuedBytes.get() > HIGH_WATER_MARK;
	}

	private void failed(Exception ex) {
		if (!this.stopped) {
			this.stopped = true;
			this.writeFailed.accept(ex);
		}
		release();
	}

	/**
	 * A write that may fail with an I/O error.
	 */
	@FunctionalInterface
	private interface IoAction {

		void run() throws Exception;

	}

	/**
	 * One queued write; a close runs even after a failed write, to end the session.
	 */
	private final class Write implements Runnable {

		private final IoAction action;

		private final int bytes;

		private final boolean close;

		Write(IoAction action, int bytes, boolean close) {
			this.action = action;
			this.bytes = bytes;
			this.close = close;
		}

		@Override
		public void run() {
			try {
				if (this.close || !SerialWebSocketSender.this.stopped) {
					this.action.run();
				}
			}
			catch (Exception ex) {
				if (this.close) {
					logger.debug("Could not close the session with {}", SerialWebSocketSender.this.remoteAddress, ex);
				}
				else if (!SerialWebSocketSender.this.session.isOpen()) {
					// closing anyway, and the container reports how: nothing more to send
					SerialWebSocketSender.this.stopped = true;
					release();
				}
				else {
					failed(new CommConnectionLostException(
							"Could not write to " + SerialWebSocketSender.this.remoteAddress + ": " + ex.getMessage(),
							ex));
				}
			}
			finally {
				written();
			}
		}

		/**
		 * The writer pool has shut down, so the transport is closing: a close still ends
		 * the session, here, and a message fails the connection.
		 */
		void refused() {
			if (this.close) {
				run();
				return;
			}
			written();
			failed(new CommConnectionLostException("Connection to " + SerialWebSocketSender.this.remoteAddress
					+ " is closed: its transport has shut down"));
		}

		private void written() {
			SerialWebSocketSender.this.queuedBytes.addAndGet(-this.bytes);
			release();
		}

	}

}
