package dev.comm;

import java.time.Duration;

/**
 * A request got no reply within its timeout. The handler may still be running on the
 * other side.
 */
public class CommTimeoutException extends CommException {

	private final Duration timeout;

	public CommTimeoutException(String route, String target, Duration timeout) {
		super("No reply to request '" + route + "' from " + target + " within " + timeout.toMillis()
				+ " ms; raise the request timeout or check that the peer is alive");
		this.timeout = timeout;
	}

	/**
	 * A timeout described by the caller.
	 * @param message what timed out and what to do
	 * @param timeout the timeout that passed
	 */
	public CommTimeoutException(String message, Duration timeout) {
		super(message);
		this.timeout = timeout;
	}

	public Duration getTimeout() {
		return this.timeout;
	}

}
