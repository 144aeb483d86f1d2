/**
 * The {@code ws}/{@code wss} transport on Spring WebSocket: listeners are mounted on the
 * application's own servlet web server, connectors dial with a JSR-356 client.
 */
package dev.comm.internal.transport.ws;
