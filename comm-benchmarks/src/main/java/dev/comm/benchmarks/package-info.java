/**
 * A benchmark harness that measures comm side by side with what a Spring developer would
 * use instead: Spring RSocket, rsocket-java, gRPC and raw Netty.
 */
package dev.comm.benchmarks;
