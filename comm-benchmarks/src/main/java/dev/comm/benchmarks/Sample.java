package dev.comm.benchmarks;

/**
 * The figures of one measured iteration.
 *
 * @param opsPerSecond completed requests (or received messages) per second
 * @param p50Micros median latency in microseconds, or NaN for throws
 * @param p99Micros 99th percentile latency in microseconds, or NaN for throws
 * @param errors requests that failed
 */
record Sample(double opsPerSecond, double p50Micros, double p99Micros, long errors) {

}
