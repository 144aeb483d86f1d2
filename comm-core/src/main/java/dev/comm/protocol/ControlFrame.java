package dev.comm.protocol;

/**
 * Frames without a body. {@link #CLOSE_NOTIFY} is communica's; the heartbeat pair is a
 * comm extension, only ever sent to a peer that announced {@link Features#HEARTBEAT}.
 */
public enum ControlFrame implements Frame {

	/** The sender is about to close the connection. */
	CLOSE_NOTIFY(FrameCodec.CLOSE_NOTIFY),

	/** Heartbeat probe; the receiver answers with {@link #PONG}. */
	PING(FrameCodec.PING),

	/** Heartbeat answer. */
	PONG(FrameCodec.PONG);

	private final byte code;

	ControlFrame(byte code) {
		this.code = code;
	}

	public byte code() {
		return this.code;
	}

}
