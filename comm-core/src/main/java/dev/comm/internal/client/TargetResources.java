package dev.comm.internal.client;

import java.util.concurrent.ScheduledExecutorService;

import dev.comm.codec.PayloadCodec;
import dev.comm.internal.observation.CallObserver;

/**
 * What all targets share: payload conversion, the timer and the observer of calls.
 *
 * @param codec converts payloads
 * @param scheduler runs timeouts
 * @param observer sees every call that goes out
 */
public record TargetResources(PayloadCodec codec, ScheduledExecutorService scheduler, CallObserver observer) {

	/**
	 * Resources of targets whose calls nobody observes.
	 */
	public TargetResources(PayloadCodec codec, ScheduledExecutorService scheduler) {
		this(codec, scheduler, CallObserver.NONE);
	}

}
