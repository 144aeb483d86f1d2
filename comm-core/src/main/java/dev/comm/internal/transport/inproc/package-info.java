/**
 * The {@code inproc} transport: peers in the same JVM.
 */
package dev.comm.internal.transport.inproc;
