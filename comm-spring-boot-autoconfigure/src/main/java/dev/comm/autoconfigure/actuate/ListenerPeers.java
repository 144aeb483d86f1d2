package dev.comm.autoconfigure.actuate;

import java.security.Principal;
import java.util.Comparator;
import java.util.List;

import dev.comm.endpoint.CommListener;
import dev.comm.internal.server.DefaultCommListener;
import dev.comm.internal.session.Link;
import dev.comm.internal.stream.StreamExtension;

/**
 * The peers connected to a listener now, as operators see them. Only comm's own listeners
 * can tell; a listener of the application's own shows none.
 */
final class ListenerPeers {

	List<CommEndpoint.PeerDescriptor> of(CommListener listener) {
		if (!(listener instanceof DefaultCommListener comm)) {
			return List.of();
		}
		return comm.getLinks()
			.stream()
			.filter(Link::isOpen)
			.sorted(Comparator.comparing(Link::createdAt))
			.map(ListenerPeers::describe)
			.toList();
	}

	private static CommEndpoint.PeerDescriptor describe(Link link) {
		Principal principal = link.peerPrincipal();
		return new CommEndpoint.PeerDescriptor(link.peerClientId(), link.remoteAddress(),
				(principal != null) ? principal.getName() : null, link.createdAt().toString(), link.inboundInFlight(),
				StreamExtension.servedOn(link));
	}

}
