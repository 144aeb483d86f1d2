package dev.comm.protocol;

/**
 * A request, throw or response: metadata plus an opaque payload (JSON by default).
 *
 * @param metadata the metadata
 * @param payload the payload bytes, never {@code null}
 */
public record MessageFrame(Metadata metadata, byte[] payload) implements Frame {

}
