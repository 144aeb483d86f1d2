package dev.comm.internal.session;

import java.util.concurrent.CompletableFuture;

/**
 * Serves what a peer sends: requests and throws. Called on a handler thread, never on an
 * I/O thread; it may block. For a throw the outcome is ignored.
 */
@FunctionalInterface
public interface InboundHandler {

	/**
	 * Serve one inbound message.
	 * @param message the message
	 * @return its outcome; a future that completes later is fine
	 */
	CompletableFuture<Outcome> handle(InboundMessage message);

}
