package dev.comm.internal.observation;

import dev.comm.internal.session.InboundHandler;
import dev.comm.internal.stream.StreamHandler;

/**
 * Wraps the handlers that serve every link, so that what they serve is observed: the
 * handler of requests and throws, and that of stream requests.
 */
@FunctionalInterface
public interface HandlerObserver {

	/**
	 * The handler to give the links instead of {@code handler}.
	 * @param handler the application's handler
	 * @return a handler that observes {@code handler}'s work and delegates to it
	 */
	InboundHandler observe(InboundHandler handler);

	/**
	 * The stream handler to give the links instead of {@code handler}; by default
	 * {@code handler} itself, as streams are observed only by observers that say so.
	 * @param handler the application's stream handler
	 * @return a handler that observes {@code handler}'s streams and delegates to it
	 */
	default StreamHandler observeStreams(StreamHandler handler) {
		return handler;
	}

}
