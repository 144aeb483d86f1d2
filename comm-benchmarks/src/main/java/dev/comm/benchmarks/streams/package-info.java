/**
 * Streams of many small items from a server to its caller: comm's request-stream next to
 * rsocket-java's request-stream and gRPC's server streaming, in one run.
 */
package dev.comm.benchmarks.streams;
