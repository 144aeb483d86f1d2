package dev.comm.internal.client;

import java.util.concurrent.ScheduledExecutorService;

import dev.comm.codec.PayloadCodec;

/**
 * What all targets share: payload conversion and the timer.
 *
 * @param codec converts payloads
 * @param scheduler runs timeouts
 */
public record TargetResources(PayloadCodec codec, ScheduledExecutorService scheduler) {

}
