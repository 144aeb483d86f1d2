/**
 * The caller's side: {@link dev.comm.client.CommClient}, targets, pools of members with
 * pick strategies and broadcast, and connectors that keep a link open with reconnect and
 * back-off.
 */
package dev.comm.client;
