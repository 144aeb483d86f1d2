package dev.comm.internal.session;

/**
 * How much work one link may give its side at once, so that a single peer cannot queue
 * without bound on the handler executor.
 *
 * @param requestsInFlight the most inbound requests whose handlers have not finished; one
 * more is answered at once with a busy {@code responder-fault} (code {@link #BUSY_CODE})
 */
public record LinkLimits(int requestsInFlight) {

	/**
	 * Requests in flight per link by default: far above what a well-behaved caller keeps
	 * waiting on one connection (the handler executor serves a few dozen at a time), and
	 * small enough that a runaway peer holds at most this many payloads and tasks.
	 */
	public static final int DEFAULT_REQUESTS_IN_FLIGHT = 1024;

	/** The error code of the busy reply, as HTTP's "too many requests". */
	public static final int BUSY_CODE = 429;

	/** The defaults. */
	public static final LinkLimits DEFAULTS = new LinkLimits(DEFAULT_REQUESTS_IN_FLIGHT);

	public LinkLimits {
		if (requestsInFlight < 1) {
			throw new IllegalArgumentException("requests-in-flight must be at least 1, not " + requestsInFlight);
		}
	}

}
