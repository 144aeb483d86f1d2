/**
 * Streams (protocol extension {@code stream}): requests answered by many items, with
 * credit-based back-pressure, cancellation from either side and timeouts, plugged into a
 * link as a {@link dev.comm.internal.session.LinkExtension}.
 */
package dev.comm.internal.stream;
