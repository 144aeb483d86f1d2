/**
 * The {@code unix} transport: unix domain sockets.
 */
package dev.comm.transport.unix;
