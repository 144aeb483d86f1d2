package dev.comm.transport;

import java.util.Set;

/**
 * Who the peer of a connection is, as a transport that has no handshake of its own knows
 * it: what the peer's hello would have said.
 *
 * @param clientId the peer's client id, or {@code null} when the peer is the side that
 * was dialled (a service)
 * @param features the protocol extensions the peer supports, names from
 * {@link dev.comm.protocol.Features}
 */
public record PeerIdentity(String clientId, Set<String> features) {

	public PeerIdentity {
		features = Set.copyOf(features);
	}

}
