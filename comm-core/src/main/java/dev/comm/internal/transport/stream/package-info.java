/**
 * communica's stream format on Netty, shared by the TCP and unix socket transports.
 */
package dev.comm.internal.transport.stream;
