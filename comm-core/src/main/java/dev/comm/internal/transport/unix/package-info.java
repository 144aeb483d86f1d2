/**
 * The {@code unix} transport: unix domain sockets.
 */
package dev.comm.internal.transport.unix;
