/**
 * The transport SPI: a transport dials, listens and moves {@link dev.comm.protocol.Frame
 * frames}, and nothing else. comm's own transports live under
 * {@code dev.comm.internal.transport}, one package each, and use only this package,
 * {@code protocol} and {@code address}.
 */
package dev.comm.transport;
