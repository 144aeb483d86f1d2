package dev.comm.internal.handler;

import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.comm.CommErrorKind;
import dev.comm.protocol.ErrorBody;

/**
 * Turns a handler's unexpected exception into the error a caller is told. An exception
 * message may carry internals (a query, a path, a host), so by default the caller only
 * learns that the handler failed and an error id; the same id is logged here with the
 * stack trace, for an operator to find what went wrong.
 */
public final class HandlerFailures {

	/** Tells the caller nothing but the route and the error id. */
	public static final HandlerFailures WITHOUT_DETAILS = new HandlerFailures(false);

	/** Also tells the caller the exception's type and message. */
	public static final HandlerFailures WITH_DETAILS = new HandlerFailures(true);

	private static final Logger logger = LoggerFactory.getLogger(HandlerFailures.class);

	private final boolean includeDetails;

	private HandlerFailures(boolean includeDetails) {
		this.includeDetails = includeDetails;
	}

	/**
	 * The policy for a setting.
	 * @param includeDetails whether callers are told the exception's type and message
	 * @return the policy
	 */
	public static HandlerFailures of(boolean includeDetails) {
		return includeDetails ? WITH_DETAILS : WITHOUT_DETAILS;
	}

	/**
	 * Log a request's handler failure with a new error id and describe it for the caller.
	 * @param route the request's route
	 * @param failure what the handler threw
	 * @return the error reply's body, of kind {@link CommErrorKind#HANDLER_FAILED}
	 */
	public ErrorBody report(String route, Throwable failure) {
		String errorId = newErrorId();
		logger.error("Handler for '{}' failed (error id {})", route, errorId, failure);
		String details = this.includeDetails ? ": " + failure.getClass().getSimpleName() + ": " + failure.getMessage()
				: "";
		return new ErrorBody(CommErrorKind.HANDLER_FAILED, null,
				"Handler for '" + route + "' failed" + details + " (error id " + errorId + ")");
	}

	/**
	 * Twelve hex digits: enough that two failures an operator looks at never share one,
	 * short enough to read out.
	 */
	private static String newErrorId() {
		return String.format("%012x", ThreadLocalRandom.current().nextLong() >>> 16);
	}

	public boolean includesDetails() {
		return this.includeDetails;
	}

}
