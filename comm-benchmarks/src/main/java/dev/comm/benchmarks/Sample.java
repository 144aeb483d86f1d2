package dev.comm.benchmarks;

/**
 * The figures of one measured iteration.
 *
 * @param opsPerSecond completed requests (or received messages) per second
 * @param p50Micros median latency in microseconds, or NaN for throws
 * @param p99Micros 99th percentile latency in microseconds, or NaN for throws
 * @param errors requests that failed
 * @param bytesPerOp bytes allocated per operation, on both sides, or NaN when not
 * measured
 */
record Sample(double opsPerSecond, double p50Micros, double p99Micros, long errors, double bytesPerOp) {

	Sample(double opsPerSecond, double p50Micros, double p99Micros, long errors) {
		this(opsPerSecond, p50Micros, p99Micros, errors, Double.NaN);
	}

	Sample withBytesPerOp(double bytes) {
		return new Sample(this.opsPerSecond, this.p50Micros, this.p99Micros, this.errors, bytes);
	}

}
