/**
 * Links: a handshaken connection with request correlation, timeouts, heartbeats, dispatch
 * of inbound messages and its part in peer sessions, written once for every transport.
 */
package dev.comm.internal.session;
