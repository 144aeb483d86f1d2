/**
 * Authentication of peers on connect: a listener's
 * {@link dev.comm.auth.CommAuthenticator} sees each connecting peer's
 * {@link dev.comm.auth.CommHandshake} (its hello's token, its TLS certificate, a
 * WebSocket upgrade's user) and admits or refuses it before any of its messages reaches a
 * handler.
 */
package dev.comm.auth;
