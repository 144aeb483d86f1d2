/**
 * The {@code tcp} and {@code tls} transport.
 */
package dev.comm.transport.tcp;
