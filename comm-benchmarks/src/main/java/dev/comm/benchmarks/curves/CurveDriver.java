package dev.comm.benchmarks.curves;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import dev.comm.benchmarks.LatencyRecorder;

/**
 * Drives operations on several channels at once (the connections of the peers curve, one
 * connection elsewhere), keeping a fixed number outstanding on each: every completion
 * records its time and starts the next operation on the same channel, from whichever
 * thread completed it. An operation fails its future when its reply is wrong.
 */
final class CurveDriver {

	private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(60);

	private final LatencyRecorder latencies = new LatencyRecorder(2_000_000);

	/**
	 * Warm up, then measure several iterations and keep the median of each figure.
	 * @param channels one operation per channel, started again after each completion
	 * @param outstanding operations kept in flight on each channel
	 * @param options warm-up, iterations and their duration
	 * @return the medians
	 */
	Measurement measure(List<Supplier<CompletableFuture<?>>> channels, int outstanding, CurveOptions options) {
		if (!options.warmup().isZero()) {
			run(channels, outstanding, options.warmup());
		}
		List<Measurement> iterations = new ArrayList<>();
		for (int i = 0; i < options.iterations(); i++) {
			iterations.add(run(channels, outstanding, options.duration()));
		}
		return Measurement.median(iterations);
	}

	/**
	 * Warm a subject that was just opened up before its first point, four times as long
	 * as a point's own warm-up: a freshly started subject would otherwise make its first
	 * point look slower than its later ones.
	 * @param channels the operations to warm up with
	 * @param outstanding operations kept in flight on each channel
	 * @param options the points' warm-up
	 */
	void warmUpSubject(List<Supplier<CompletableFuture<?>>> channels, int outstanding, CurveOptions options) {
		if (!options.warmup().isZero()) {
			run(channels, outstanding, options.warmup().multipliedBy(4));
		}
	}

	/**
	 * One iteration.
	 * @param channels one operation per channel
	 * @param outstanding operations kept in flight on each channel
	 * @param duration how long to keep starting operations
	 * @return the figures
	 */
	Measurement run(List<Supplier<CompletableFuture<?>>> channels, int outstanding, Duration duration) {
		this.latencies.reset();
		CountDownLatch stopped = new CountDownLatch(channels.size() * outstanding);
		List<Channel> running = new ArrayList<>();
		for (Supplier<CompletableFuture<?>> operation : channels) {
			running.add(new Channel(operation, stopped));
		}
		long start = System.nanoTime();
		for (Channel channel : running) {
			for (int i = 0; i < outstanding; i++) {
				new Slot(channel).issue();
			}
		}
		sleep(duration);
		long[] completedAtStop = running.stream().mapToLong((channel) -> channel.completed.sum()).toArray();
		long elapsed = System.nanoTime() - start;
		running.forEach((channel) -> channel.running = false);
		try {
			if (!stopped.await(DRAIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
				throw new IllegalStateException("Operations still outstanding after " + DRAIN_TIMEOUT);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
		double[] rates = Arrays.stream(completedAtStop).mapToDouble((count) -> count * 1e9 / elapsed).toArray();
		double[] percentiles = this.latencies.percentilesMicros(0.50, 0.99);
		long errors = running.stream().mapToLong((channel) -> channel.errors.sum()).sum();
		return new Measurement(Arrays.stream(rates).sum(), percentiles[0], percentiles[1], errors, rates);
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

	/**
	 * The figures of one iteration, or the medians of several.
	 *
	 * @param opsPerSecond operations completed per second, all channels together
	 * @param p50Micros the median time of an operation
	 * @param p99Micros the 99th percentile
	 * @param errors operations that failed or returned a wrong reply
	 * @param channelRates each channel's operations per second
	 */
	record Measurement(double opsPerSecond, double p50Micros, double p99Micros, long errors, double[] channelRates) {

		/**
		 * The fastest channel's rate over the slowest's: 1 when all are served alike.
		 * @return the ratio, infinite when a channel completed nothing
		 */
		double channelSpread() {
			double fastest = Arrays.stream(this.channelRates).max().orElse(0);
			double slowest = Arrays.stream(this.channelRates).min().orElse(0);
			return (slowest > 0) ? fastest / slowest : Double.POSITIVE_INFINITY;
		}

		static Measurement median(List<Measurement> iterations) {
			Measurement middle = iterations.stream()
				.sorted((a, b) -> Double.compare(a.opsPerSecond(), b.opsPerSecond()))
				.toList()
				.get(iterations.size() / 2);
			return new Measurement(median(iterations, Measurement::opsPerSecond),
					median(iterations, Measurement::p50Micros), median(iterations, Measurement::p99Micros),
					iterations.stream().mapToLong(Measurement::errors).sum(), middle.channelRates());
		}

		private static double median(List<Measurement> iterations,
				java.util.function.ToDoubleFunction<Measurement> figure) {
			double[] values = iterations.stream().mapToDouble(figure).sorted().toArray();
			return values[values.length / 2];
		}

	}

	private static final class Channel {

		private final Supplier<CompletableFuture<?>> operation;

		private final CountDownLatch stopped;

		private final LongAdder completed = new LongAdder();

		private final LongAdder errors = new LongAdder();

		private volatile boolean running = true;

		Channel(Supplier<CompletableFuture<?>> operation, CountDownLatch stopped) {
			this.operation = operation;
			this.stopped = stopped;
		}

	}

	/**
	 * One operation in flight at a time; one that completes on the issuing thread before
	 * the call returns is started again by a loop, not by recursion.
	 */
	private final class Slot implements BiConsumer<Object, Throwable> {

		private final Channel channel;

		private volatile Thread issuer;

		private boolean completedInline;

		private long startNanos;

		Slot(Channel channel) {
			this.channel = channel;
		}

		void issue() {
			do {
				this.completedInline = false;
				this.issuer = Thread.currentThread();
				this.startNanos = System.nanoTime();
				this.channel.operation.get().whenComplete(this);
				this.issuer = null;
			}
			while (this.completedInline);
		}

		@Override
		public void accept(Object reply, Throwable ex) {
			CurveDriver.this.latencies.record(System.nanoTime() - this.startNanos);
			if (ex != null) {
				this.channel.errors.increment();
			}
			this.channel.completed.increment();
			if (!this.channel.running) {
				this.channel.stopped.countDown();
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
