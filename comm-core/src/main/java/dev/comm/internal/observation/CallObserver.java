package dev.comm.internal.observation;

/**
 * Sees every request, throw and stream a target sends. Targets call it on the caller's
 * thread before anything goes out, so an implementation can take the caller's context (a
 * trace, a timer) from there. {@link #NONE} observes nothing and costs nothing to speak
 * of.
 */
@FunctionalInterface
public interface CallObserver {

	/** The observer that observes nothing. */
	CallObserver NONE = (target, route, isThrow) -> CallObservation.NONE;

	/**
	 * A call is about to go out.
	 * @param target the name of the target it goes through: a pool, connector or peer
	 * @param route the route, or {@code null} for an unrouted call
	 * @param isThrow whether it is a throw (no reply awaited) rather than a request
	 * @return the observation of this one call; never {@code null}
	 */
	CallObservation start(String target, String route, boolean isThrow);

	/**
	 * A stream is about to be called: a subscriber subscribed to its publisher.
	 * @param target the name of the target it goes through
	 * @param route the route
	 * @return the observation of this one stream; never {@code null}
	 */
	default StreamCallObservation startStream(String target, String route) {
		return StreamCallObservation.NONE;
	}

}
