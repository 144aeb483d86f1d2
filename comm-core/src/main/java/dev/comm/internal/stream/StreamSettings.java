package dev.comm.internal.stream;

import java.time.Duration;

/**
 * How the streams of an endpoint's links behave.
 *
 * @param window how many items a caller lets the responder send ahead of what its
 * subscriber consumed
 * @param idleTimeout how long a caller waits for the next item while it has granted
 * credit
 * @param creditTimeout how long a responder waits for credit before it gives the stream
 * up
 * @param maxPerLink how many streams a peer may have this side serve at once on one link
 */
public record StreamSettings(int window, Duration idleTimeout, Duration creditTimeout, int maxPerLink) {

	/** The defaults of {@code comm.streams}. */
	public static final StreamSettings DEFAULTS = new StreamSettings(256, Duration.ofSeconds(30), Duration.ofMinutes(5),
			1024);

	public StreamSettings {
		if (window < 1 || maxPerLink < 1) {
			throw new IllegalArgumentException(
					"A stream window and limit must be positive, not " + window + " and " + maxPerLink);
		}
		if (idleTimeout.isNegative() || idleTimeout.isZero() || creditTimeout.isNegative() || creditTimeout.isZero()) {
			throw new IllegalArgumentException("Stream timeouts must be positive");
		}
	}

}
