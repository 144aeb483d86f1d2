package dev.comm.benchmarks;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Round-trip times of one iteration, kept raw (no histogram buckets) so that percentiles
 * are exact; past its capacity it stops recording, which only thins the sample.
 */
public final class LatencyRecorder {

	private final long[] nanos;

	private final AtomicInteger count = new AtomicInteger();

	public LatencyRecorder(int capacity) {
		this.nanos = new long[capacity];
	}

	public void reset() {
		this.count.set(0);
	}

	public void record(long elapsedNanos) {
		int at = this.count.getAndIncrement();
		if (at < this.nanos.length) {
			this.nanos[at] = elapsedNanos;
		}
	}

	/**
	 * Percentiles of what was recorded since the last reset.
	 * @param fractions the percentiles as fractions, for example 0.5
	 * @return each in microseconds, NaN when nothing was recorded
	 */
	public double[] percentilesMicros(double... fractions) {
		int size = Math.min(this.count.get(), this.nanos.length);
		long[] sorted = Arrays.copyOf(this.nanos, size);
		Arrays.sort(sorted);
		double[] result = new double[fractions.length];
		for (int i = 0; i < fractions.length; i++) {
			result[i] = (size == 0) ? Double.NaN
					: sorted[Math.min(size - 1, (int) Math.ceil(fractions[i] * size) - 1)] / 1000.0;
		}
		return result;
	}

}
