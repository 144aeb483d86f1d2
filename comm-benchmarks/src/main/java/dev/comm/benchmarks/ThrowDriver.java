package dev.comm.benchmarks;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends fire-and-forget messages from one thread as fast as the receiver takes them and
 * counts what the server's handler received. At most {@link #WINDOW} messages may be sent
 * and not yet received, so that a transport without flow control cannot queue without
 * bound and report what it sent rather than what arrived.
 */
final class ThrowDriver {

	static final int WINDOW = 16_384;

	private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(30);

	/**
	 * Run one iteration.
	 * @param subject the subject
	 * @param duration how long to keep sending
	 * @return the iteration's figures: messages received per second
	 */
	Sample run(Subject subject, Duration duration) {
		long base = subject.received();
		long sent = 0;
		long start = System.nanoTime();
		long deadline = start + duration.toNanos();
		while (System.nanoTime() < deadline) {
			for (int i = 0; i < 64; i++) {
				if (sent - (subject.received() - base) >= WINDOW) {
					// the window is full: leave the core to the receiver
					LockSupport.parkNanos(20_000);
				}
				else {
					subject.fire(Quote.SAMPLE);
					sent++;
				}
			}
		}
		long received = subject.received() - base;
		long elapsed = System.nanoTime() - start;
		long drainDeadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
		while (subject.received() - base < sent) {
			if (System.nanoTime() > drainDeadline) {
				throw new IllegalStateException(
						subject.name() + ": " + (sent - (subject.received() - base)) + " messages never arrived");
			}
			LockSupport.parkNanos(100_000);
		}
		return new Sample(received * 1e9 / elapsed, Double.NaN, Double.NaN, 0);
	}

}
