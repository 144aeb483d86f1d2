/**
 * The caller's side: {@link dev.comm.client.CommClient}, targets, and connectors that
 * keep a link open with reconnect and back-off.
 */
package dev.comm.client;
