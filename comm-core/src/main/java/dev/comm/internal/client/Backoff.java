package dev.comm.internal.client;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long a connector waits between reconnect attempts: {@code initial}, multiplied
 * after each failure up to {@code max}, with up to 20% random jitter so that many clients
 * do not reconnect in lockstep after a server restart.
 *
 * @param initial the first delay
 * @param max the largest delay
 * @param multiplier the factor applied after each failed attempt, at least 1
 */
public record Backoff(Duration initial, Duration max, double multiplier) {

	public Backoff {
		if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0 || multiplier < 1) {
			throw new IllegalArgumentException("A back-off needs 0 < initial <= max and multiplier >= 1, not initial="
					+ initial + ", max=" + max + ", multiplier=" + multiplier);
		}
	}

	/**
	 * The delay before the given attempt.
	 * @param failures how many attempts in a row have failed, at least 1
	 * @return the delay
	 */
	public Duration delay(int failures) {
		double nanos = this.initial.toNanos() * Math.pow(this.multiplier, Math.max(0, failures - 1));
		double capped = Math.min(nanos, this.max.toNanos());
		double jitter = 1 - ThreadLocalRandom.current().nextDouble(0.2);
		return Duration.ofNanos((long) (capped * jitter));
	}

}
