/**
 * The {@code tcp} and {@code tls} transport.
 */
package dev.comm.internal.transport.tcp;
