package dev.comm.internal.handler;

import dev.comm.handler.CommMessage;

/**
 * Turns what a handler threw into what the caller is told, before the dispatcher builds
 * the error reply. Called only on the failure path.
 */
@FunctionalInterface
public interface HandlerExceptionMapper {

	/** Leaves every exception as it is. */
	HandlerExceptionMapper NONE = (exception, message) -> exception;

	/**
	 * Map an exception.
	 * @param exception what the handler threw or completed with
	 * @param message the message being handled
	 * @return the exception to report, {@code exception} itself when unmapped
	 */
	Throwable map(Throwable exception, CommMessage message);

}
