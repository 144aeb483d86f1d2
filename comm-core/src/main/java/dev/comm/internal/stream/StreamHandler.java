package dev.comm.internal.stream;

import java.util.concurrent.Executor;

import dev.comm.internal.session.InboundMessage;

/**
 * Serves stream requests: finds the handler of the route, calls it and says how its items
 * are produced, encoded and reported when they fail.
 */
@FunctionalInterface
public interface StreamHandler {

	/**
	 * Serve one stream request. Called on a handler thread, where it may block.
	 * @param message the stream request
	 * @param pullExecutor where items of a blocking source (a {@code Stream} or an
	 * {@code Iterator}) are pulled
	 * @return the items, or why there are none
	 */
	StreamReply open(InboundMessage message, Executor pullExecutor);

}
