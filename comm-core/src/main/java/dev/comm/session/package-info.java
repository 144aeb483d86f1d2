/**
 * Links: a handshaken connection with request correlation, timeouts, heartbeats and
 * dispatch of inbound messages, written once for every transport.
 */
package dev.comm.session;
