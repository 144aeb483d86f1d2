package dev.comm.benchmarks;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;

/**
 * Drives requests with a fixed number outstanding: each completion records its round trip
 * and sends the next request at once, from whichever thread completed it, as an
 * asynchronous application would.
 */
final class RequestDriver {

	private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(30);

	private final LatencyRecorder latencies = new LatencyRecorder(4_000_000);

	/**
	 * Run one iteration.
	 * @param subject the subject
	 * @param outstanding requests kept in flight
	 * @param duration how long to keep sending
	 * @return the iteration's figures
	 */
	Sample run(Subject subject, int outstanding, Duration duration) {
		this.latencies.reset();
		Run run = new Run(subject, outstanding);
		long start = System.nanoTime();
		for (int i = 0; i < outstanding; i++) {
			new Slot(run).issue();
		}
		sleep(duration);
		long completedAtStop = run.completed.sum();
		long elapsed = System.nanoTime() - start;
		run.running = false;
		try {
			if (!run.stopped.await(DRAIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
				throw new IllegalStateException(subject.name() + ": requests still outstanding after " + DRAIN_TIMEOUT);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
		double[] percentiles = this.latencies.percentilesMicros(0.50, 0.99);
		return new Sample(completedAtStop * 1e9 / elapsed, percentiles[0], percentiles[1], run.errors.sum());
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

	private final class Run {

		private final Subject subject;

		private final CountDownLatch stopped;

		private final LongAdder completed = new LongAdder();

		private final LongAdder errors = new LongAdder();

		private volatile boolean running = true;

		Run(Subject subject, int outstanding) {
			this.subject = subject;
			this.stopped = new CountDownLatch(outstanding);
		}

	}

	/**
	 * One request in flight at a time. A reply that completes on the issuing thread
	 * before the call returns (an in-process peer can do that) is re-issued by a loop
	 * rather than by recursion, which would overflow the stack.
	 */
	private final class Slot implements BiConsumer<Quote, Throwable> {

		private final Run run;

		private volatile Thread issuer;

		private boolean completedInline;

		private long startNanos;

		Slot(Run run) {
			this.run = run;
		}

		void issue() {
			do {
				this.completedInline = false;
				this.issuer = Thread.currentThread();
				this.startNanos = System.nanoTime();
				this.run.subject.request(Quote.SAMPLE).whenComplete(this);
				this.issuer = null;
			}
			while (this.completedInline);
		}

		@Override
		public void accept(Quote reply, Throwable ex) {
			RequestDriver.this.latencies.record(System.nanoTime() - this.startNanos);
			if (ex != null || reply == null || reply.sequence() != Quote.SAMPLE.sequence() + 1) {
				this.run.errors.increment();
			}
			this.run.completed.increment();
			if (!this.run.running) {
				this.run.stopped.countDown();
			}
			else if (this.issuer == Thread.currentThread()) {
				this.completedInline = true;
			}
			else {
				issue();
			}
		}

	}

}
