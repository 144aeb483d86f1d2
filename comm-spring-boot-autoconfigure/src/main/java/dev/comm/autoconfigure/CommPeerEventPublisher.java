package dev.comm.autoconfigure;

import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationEventPublisher;

import dev.comm.endpoint.CommListener;
import dev.comm.endpoint.PeerInfo;
import dev.comm.endpoint.PeerListener;
import dev.comm.internal.concurrent.SerialExecutor;

/**
 * Turns the listeners' peer notices into {@link CommPeerConnectedEvent} and
 * {@link CommPeerDisconnectedEvent}. Notices arrive on I/O threads, where an event
 * listener that calls the peer back would wait for a reply that the same thread has to
 * read; so events are published on the handler executor instead, one at a time, which
 * keeps a peer's connect before its disconnect.
 */
class CommPeerEventPublisher implements PeerListener {

	private static final Logger logger = LoggerFactory.getLogger(CommPeerEventPublisher.class);

	private final ApplicationEventPublisher publisher;

	private final SerialExecutor events;

	CommPeerEventPublisher(ApplicationEventPublisher publisher, Executor executor) {
		this.publisher = publisher;
		// an executor that refuses is shut down: the application is stopping, and
		// nobody listens any more
		this.events = new SerialExecutor(executor, (event) -> {
		});
	}

	@Override
	public void peerConnected(CommListener listener, PeerInfo peer) {
		publish(new CommPeerConnectedEvent(listener, peer.clientId(), peer.remoteAddress()));
	}

	@Override
	public void peerDisconnected(CommListener listener, PeerInfo peer) {
		publish(new CommPeerDisconnectedEvent(listener, peer.clientId(), peer.remoteAddress()));
	}

	private void publish(ApplicationEvent event) {
		this.events.execute(() -> {
			try {
				this.publisher.publishEvent(event);
			}
			catch (RuntimeException ex) {
				logger.warn("A listener of {} failed", event, ex);
			}
		});
	}

}
