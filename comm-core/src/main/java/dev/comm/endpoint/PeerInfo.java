package dev.comm.endpoint;

/**
 * Who a peer of a listener is, as {@link PeerListener} hears of it.
 *
 * @param clientId the client id the peer gave in its handshake
 * @param remoteAddress where it connected from, as the transport describes it
 */
public record PeerInfo(String clientId, String remoteAddress) {

}
