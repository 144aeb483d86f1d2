package dev.comm.protocol;

/**
 * Sent instead of a hello's continuation when a side refuses the connection; the sender
 * closes right after.
 *
 * @param reason why the connection was refused
 */
public record Refusal(String reason) implements Frame {

}
