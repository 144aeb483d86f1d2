package dev.comm.internal.session;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Serves what a peer sends: requests and throws. Called on a handler thread, where it may
 * block, unless {@link #executorFor} chose the receiving thread for a handler that never
 * blocks. For a throw the outcome is ignored.
 */
@FunctionalInterface
public interface InboundHandler {

	/**
	 * Serve one inbound message.
	 * @param message the message
	 * @return its outcome; a future that completes later is fine
	 */
	CompletableFuture<Outcome> handle(InboundMessage message);

	/**
	 * Where to serve a message: on the link's handler executor, or, for a handler that
	 * never blocks, right on the thread that received it.
	 * @param message the message
	 * @param handlerExecutor the link's handler executor
	 * @return the executor to run {@link #handle(InboundMessage)} on
	 */
	default Executor executorFor(InboundMessage message, Executor handlerExecutor) {
		return handlerExecutor;
	}

}
