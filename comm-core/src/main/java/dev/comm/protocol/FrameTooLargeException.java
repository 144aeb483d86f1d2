package dev.comm.protocol;

/**
 * A frame over the frame limit ({@code comm.max-frame-size}): raised before anything is
 * sent when this side would write one, and by a transport that receives one, which then
 * closes that connection (or, over a broker, refuses that message). The one exception for
 * "too large", wherever the limit is met.
 */
public class FrameTooLargeException extends ProtocolException {

	public FrameTooLargeException(String message) {
		super(message);
	}

	/**
	 * Check a received message against the limit, for transports that do not read a
	 * length prefix first.
	 * @param message the message, well-formed
	 * @param maxFrameSize the limit
	 * @throws FrameTooLargeException if its body is over the limit
	 */
	public static void checkReceived(MessageFrame message, int maxFrameSize) {
		int size = FrameCodec.bodySize(message.metadata(), message.payload().length);
		if (size > maxFrameSize) {
			throw new FrameTooLargeException("Message of " + size + " bytes exceeds the frame limit of " + maxFrameSize
					+ " (comm.max-frame-size)");
		}
	}

}
