package dev.comm.internal.observation;

import dev.comm.internal.session.InboundHandler;

/**
 * Wraps the handler that serves every link, so that what it serves is observed.
 */
@FunctionalInterface
public interface HandlerObserver {

	/**
	 * The handler to give the links instead of {@code handler}.
	 * @param handler the application's handler
	 * @return a handler that observes {@code handler}'s work and delegates to it
	 */
	InboundHandler observe(InboundHandler handler);

}
