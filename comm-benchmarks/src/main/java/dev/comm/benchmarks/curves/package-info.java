/**
 * Scale curves: how comm's cost grows with the payload size, the number of peers, the
 * fan-out of a broadcast and the number of idle links, side by side with rsocket-java and
 * a raw Netty echo, drawn as SVG charts.
 */
package dev.comm.benchmarks.curves;
