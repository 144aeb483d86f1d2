/**
 * The endpoints a process has: {@link dev.comm.endpoint.CommListener listeners} that
 * accept peers and {@link dev.comm.endpoint.CommConnector connectors} that dial them, and
 * {@link dev.comm.endpoint.PeerListener} to hear peers come and go.
 */
package dev.comm.endpoint;
