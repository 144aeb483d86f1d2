package dev.comm.internal.transport.amqp.broker;

import java.util.ArrayList;
import java.util.List;

import dev.comm.protocol.Frame;
import dev.comm.transport.Connection;
import dev.comm.transport.FrameReceiver;

/**
 * What both ends of a virtual AMQP connection share: AMQP has no handshake, so each end
 * tells who its peer is through {@link #knownPeer()}; frames that arrive before
 * {@link #start(FrameReceiver)} wait; the receiver hears of the close exactly once, after
 * the last frame.
 */
public abstract class AbstractAmqpConnection implements Connection {

	private final Object lock = new Object();

	private final List<Frame> early = new ArrayList<>();

	private FrameReceiver receiver;

	private boolean closed;

	private boolean closeReported;

	private final int maxFrameSize;

	protected AbstractAmqpConnection(int maxFrameSize) {
		this.maxFrameSize = maxFrameSize;
	}

	@Override
	public int maxFrameSize() {
		return this.maxFrameSize;
	}

	@Override
	public void start(FrameReceiver receiver) {
		synchronized (this.lock) {
			this.receiver = receiver;
			this.early.forEach(receiver::frame);
			this.early.clear();
			if (this.closed && !this.closeReported) {
				this.closeReported = true;
				receiver.closed(null);
			}
		}
	}

	/**
	 * Hand a frame to the receiver, in order with the others.
	 * @param frame the frame
	 * @return whether the connection was open to take it
	 */
	protected boolean deliver(Frame frame) {
		synchronized (this.lock) {
			if (this.closed) {
				return false;
			}
			if (this.receiver == null) {
				this.early.add(frame);
			}
			else {
				this.receiver.frame(frame);
			}
			return true;
		}
	}

	/**
	 * Mark the connection closed and tell the receiver.
	 * @param cause why, or {@code null} for an orderly close
	 * @return whether this call closed it
	 */
	protected boolean markClosed(Throwable cause) {
		synchronized (this.lock) {
			if (this.closed) {
				return false;
			}
			this.closed = true;
			if (this.receiver != null) {
				this.closeReported = true;
				this.receiver.closed(cause);
			}
			return true;
		}
	}

	@Override
	public boolean isOpen() {
		synchronized (this.lock) {
			return !this.closed;
		}
	}

}
