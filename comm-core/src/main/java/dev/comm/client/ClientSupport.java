package dev.comm.client;

import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

import dev.comm.codec.PayloadCodec;

/**
 * What all targets share: payload conversion, the executor that completes asynchronous
 * calls (so user callbacks never run on I/O threads) and the timer.
 *
 * @param codec converts payloads
 * @param executor completes {@code requestAsync} futures
 * @param scheduler runs timeouts
 */
public record ClientSupport(PayloadCodec codec, Executor executor, ScheduledExecutorService scheduler) {

}
