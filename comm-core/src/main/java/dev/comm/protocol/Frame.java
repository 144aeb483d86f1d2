package dev.comm.protocol;

/**
 * One unit a transport moves: a hello, a refusal, a message, or a control signal.
 * Transports carry frames; how a frame becomes bytes is {@link FrameCodec}'s business,
 * shared by all of them.
 */
public sealed interface Frame permits Hello, Refusal, MessageFrame, ControlFrame {

}
