/**
 * The handshake policies behind {@link dev.comm.auth}: admission of peers by the
 * application's authenticator, and the tokens connectors present.
 */
package dev.comm.internal.auth;
