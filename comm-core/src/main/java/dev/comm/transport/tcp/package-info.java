/**
 * The {@code tcp} transport.
 */
package dev.comm.transport.tcp;
