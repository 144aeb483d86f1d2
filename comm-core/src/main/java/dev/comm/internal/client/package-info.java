/**
 * How calls go out: the targets behind {@link dev.comm.client.CommClient} (a connector, a
 * peer, a pool and its members), the connector that keeps one link open with reconnect
 * and back-off, and waiting for a member to come back.
 */
package dev.comm.internal.client;
