package dev.comm.transport;

import dev.comm.protocol.Frame;

/**
 * Receives what a {@link Connection} reads. Called on a transport thread: implementations
 * hand any real work to other threads.
 */
public interface FrameReceiver {

	/**
	 * A frame arrived.
	 * @param frame the frame
	 */
	void frame(Frame frame);

	/**
	 * The connection closed; no frame follows.
	 * @param cause why it closed, or {@code null} for an orderly close
	 */
	void closed(Throwable cause);

}
