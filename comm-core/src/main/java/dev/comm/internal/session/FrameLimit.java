package dev.comm.internal.session;

import dev.comm.protocol.FrameCodec;
import dev.comm.protocol.FrameTooLargeException;
import dev.comm.protocol.Metadata;

/**
 * The maximum frame size, applied to whole message bodies (metadata included) that this
 * side is about to send; what arrives has been checked by the transport.
 */
final class FrameLimit {

	/**
	 * Bytes a message body adds to its payload besides the id and route strings, at most:
	 * frame code, metadata offset, and the metadata's keys, quotes and type digits.
	 */
	private static final int FIXED_HEADER_SIZE = 64;

	/** JSON writes one character in at most six bytes: a backslash-u escape. */
	private static final int MAX_JSON_BYTES_PER_CHAR = 6;

	private final int max;

	FrameLimit(int max) {
		this.max = max;
	}

	/**
	 * The body size of a message that would not fit in a frame.
	 * @param metadata the message's metadata
	 * @param payloadLength its payload length
	 * @return the size, or -1 when it fits
	 */
	int sizeOverLimit(Metadata metadata, int payloadLength) {
		// encoding the metadata only to measure it is wasted work for all but
		// near-limit payloads; the bound must hold for any metadata, since a
		// reply echoes the peer's id and extra keys, which may be long
		if (metadata.extra().isEmpty()) {
			long chars = metadata.id().length() + ((metadata.route() != null) ? metadata.route().length() : 0);
			if (FIXED_HEADER_SIZE + MAX_JSON_BYTES_PER_CHAR * chars + payloadLength <= this.max) {
				return -1;
			}
		}
		int size = FrameCodec.bodySize(metadata, payloadLength);
		return (size > this.max) ? size : -1;
	}

	/**
	 * Check an outgoing message.
	 * @param metadata the message's metadata
	 * @param payloadLength its payload length
	 * @param peer the peer, for the message
	 * @return the exception to report, or {@code null} when the message fits
	 */
	FrameTooLargeException check(Metadata metadata, int payloadLength, String peer) {
		int size = sizeOverLimit(metadata, payloadLength);
		if (size < 0) {
			return null;
		}
		return new FrameTooLargeException("Message to '" + metadata.route() + "' on " + peer + " is " + size
				+ " bytes, over the limit of " + this.max + " (comm.max-frame-size)");
	}

}
