package dev.comm.internal.transport.inproc;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.comm.CommConnectionLostException;
import dev.comm.protocol.Frame;
import dev.comm.protocol.FrameTooLargeException;
import dev.comm.protocol.MessageFrame;
import dev.comm.protocol.Metadata;
import dev.comm.protocol.ProtocolException;
import dev.comm.transport.Connection;
import dev.comm.transport.FrameReceiver;

/**
 * One end of an in-process link. Frames sent by one end are queued on the other and
 * delivered in order by a task that runs while the queue has frames, so a sender never
 * runs the receiver's code. Frame objects are handed over without bytes in between, so
 * this end checks what a codec would have: a message that is not well-formed or is over
 * this end's frame limit closes the connection instead of reaching the receiver.
 */
final class InprocConnection implements Connection {

	private static final Logger logger = LoggerFactory.getLogger(InprocConnection.class);

	private final String remoteAddress;

	private final Executor delivery;

	private final Queue<Object> inbox = new ArrayDeque<>();

	private InprocConnection peer;

	private FrameReceiver receiver;

	private boolean draining;

	private boolean open = true;

	private boolean closedReported;

	private final int maxFrameSize;

	InprocConnection(String remoteAddress, Executor delivery, int maxFrameSize) {
		this.remoteAddress = remoteAddress;
		this.delivery = delivery;
		this.maxFrameSize = maxFrameSize;
	}

	void pairWith(InprocConnection peer) {
		this.peer = peer;
	}

	@Override
	public void start(FrameReceiver receiver) {
		synchronized (this) {
			this.receiver = receiver;
		}
		scheduleDrain();
	}

	@Override
	public CompletableFuture<Void> send(Frame frame) {
		synchronized (this) {
			if (!this.open) {
				return CompletableFuture.failedFuture(
						new CommConnectionLostException("Connection to " + this.remoteAddress + " is closed"));
			}
		}
		this.peer.enqueue(frame);
		return CompletableFuture.completedFuture(null);
	}

	@Override
	public void close() {
		if (shutDown()) {
			this.peer.shutDown();
		}
	}

	/**
	 * Close this end: no more frames in, the receiver told once the frames before are
	 * delivered.
	 * @return whether this call closed it
	 */
	private boolean shutDown() {
		synchronized (this) {
			if (!this.open) {
				return false;
			}
			this.open = false;
			this.inbox.add(Closed.INSTANCE);
		}
		scheduleDrain();
		return true;
	}

	private void enqueue(Frame frame) {
		synchronized (this) {
			if (!this.open) {
				return;
			}
			this.inbox.add(frame);
		}
		scheduleDrain();
	}

	private void scheduleDrain() {
		synchronized (this) {
			if (this.draining || this.receiver == null || this.inbox.isEmpty()) {
				return;
			}
			this.draining = true;
		}
		try {
			this.delivery.execute(this::drain);
		}
		catch (RejectedExecutionException ex) {
			// the receiving side's executor has shut down, and its process part with it:
			// nobody is left to deliver to, so what is queued is dropped as a closed
			// socket's unread bytes are
			synchronized (this) {
				this.draining = false;
				this.inbox.clear();
			}
			logger.debug("Dropping frames to {}: its delivery executor has shut down", this.remoteAddress);
		}
	}

	private void drain() {
		while (true) {
			Object next;
			synchronized (this) {
				next = this.inbox.poll();
				if (next == null || this.closedReported) {
					this.draining = false;
					return;
				}
				if (next == Closed.INSTANCE) {
					this.closedReported = true;
				}
			}
			if (next instanceof Frame frame) {
				deliver(frame);
			}
			else {
				this.receiver.closed(null);
			}
		}
	}

	private void deliver(Frame frame) {
		try {
			if (frame instanceof MessageFrame message) {
				checkWellFormed(message);
			}
			this.receiver.frame(frame);
		}
		catch (RuntimeException ex) {
			// what a socket transport does with a frame it cannot
			// handle: drop the connection, never the delivery thread
			logger.warn("Closing in-process connection to {}: {}", this.remoteAddress, ex.toString());
			close();
		}
	}

	private void checkWellFormed(MessageFrame message) {
		Metadata metadata = message.metadata();
		if (metadata == null || metadata.id() == null || message.payload() == null) {
			throw new ProtocolException("Message without metadata, id or payload");
		}
		FrameTooLargeException.checkReceived(message, this.maxFrameSize);
	}

	@Override
	public int maxFrameSize() {
		return this.maxFrameSize;
	}

	@Override
	public synchronized boolean isOpen() {
		return this.open;
	}

	@Override
	public String remoteAddress() {
		return this.remoteAddress;
	}

	private enum Closed {

		INSTANCE

	}

}
