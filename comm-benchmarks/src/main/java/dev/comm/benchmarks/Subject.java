package dev.comm.benchmarks;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * One system under test, already connected: a client and its server on loopback.
 */
interface Subject extends AutoCloseable {

	/**
	 * The name in the results table.
	 * @return the name
	 */
	String name();

	/**
	 * The family of the system, for ratios: comm, or the alternative it is compared with.
	 * @return the family
	 */
	Family family();

	/**
	 * The shapes this subject can be driven in.
	 * @return the shapes
	 */
	Set<Shape> shapes();

	/**
	 * Send a request; the server replies with {@link Quote#next()}.
	 * @param quote the request
	 * @return the converted reply
	 */
	CompletableFuture<Quote> request(Quote quote);

	/**
	 * Send a fire-and-forget message, which the server counts. Only called when
	 * {@link #shapes()} includes {@link Shape#THROWS}.
	 * @param quote the message
	 */
	default void fire(Quote quote) {
		throw new UnsupportedOperationException(name() + " has no fire-and-forget");
	}

	/**
	 * Measure the throws shape for a while: by default, the driver sends with
	 * {@link #fire} and counts {@link #received}.
	 * @param driver the throws driver
	 * @param duration how long
	 * @return the figures
	 */
	default Sample measureThrows(ThrowDriver driver, Duration duration) {
		return driver.run(this, duration);
	}

	/**
	 * Fire-and-forget messages the server's handler has received so far.
	 * @return the count
	 */
	default long received() {
		return 0;
	}

	@Override
	void close();

}
