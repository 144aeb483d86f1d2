package dev.comm.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bounded waits for the pool tests: a ceiling that only a broken build reaches.
 */
public final class Awaits {

	public static final Duration CEILING = Duration.ofSeconds(10);

	private Awaits() {
	}

	public static void until(String what, BooleanSupplier condition) {
		long deadline = System.nanoTime() + CEILING.toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime() < deadline).as("waited %s ms for %s", CEILING.toMillis(), what).isTrue();
			try {
				Thread.sleep(10);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

}
