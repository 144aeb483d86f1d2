package dev.comm.auth;

import java.security.Principal;
import java.util.Optional;

/**
 * What a listener knows of a peer when it decides whether to admit it.
 *
 * @param listener the name of the listener the peer connected to
 * @param transport the listener's scheme ({@code tcp}, {@code tls}, {@code unix},
 * {@code ws}, {@code wss}, {@code inproc})
 * @param clientId the client id from the peer's hello
 * @param remoteAddress the peer's address, for logs
 * @param token the bearer token from the peer's hello, if it sent one
 * @param transportPrincipal who the transport says the peer is: the subject of the
 * certificate it presented in a verified TLS handshake, or the user that authenticated
 * the WebSocket upgrade request (for example through Spring Security); {@code null} when
 * neither
 */
public record CommHandshake(String listener, String transport, String clientId, String remoteAddress,
		Optional<String> token, Principal transportPrincipal) {

}
