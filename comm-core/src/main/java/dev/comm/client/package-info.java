/**
 * The caller's API: {@link dev.comm.client.CommClient}, the targets it hands out (a
 * connector, a peer, a pool), replies of broadcasts, and the strategies a pool picks its
 * members with.
 */
package dev.comm.client;
