package dev.comm.autoconfigure;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationEventPublisher;

import dev.comm.server.CommListener;
import dev.comm.server.PeerListener;
import dev.comm.session.Link;

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

	private final Executor executor;

	private final Queue<ApplicationEvent> queue = new ConcurrentLinkedQueue<>();

	private final AtomicBoolean draining = new AtomicBoolean();

	CommPeerEventPublisher(ApplicationEventPublisher publisher, Executor executor) {
		this.publisher = publisher;
		this.executor = executor;
	}

	@Override
	public void peerConnected(CommListener listener, Link link) {
		publish(new CommPeerConnectedEvent(listener, link.peerClientId(), link.remoteAddress()));
	}

	@Override
	public void peerDisconnected(CommListener listener, Link link) {
		publish(new CommPeerDisconnectedEvent(listener, link.peerClientId(), link.remoteAddress()));
	}

	private void publish(ApplicationEvent event) {
		this.queue.add(event);
		drainLater();
	}

	private void drainLater() {
		if (this.queue.isEmpty() || !this.draining.compareAndSet(false, true)) {
			return;
		}
		try {
			this.executor.execute(this::drain);
		}
		catch (RuntimeException ex) {
			// the executor is shut down: the application is stopping, nobody listens
			this.draining.set(false);
			this.queue.clear();
		}
	}

	private void drain() {
		try {
			ApplicationEvent event;
			while ((event = this.queue.poll()) != null) {
				try {
					this.publisher.publishEvent(event);
				}
				catch (RuntimeException ex) {
					logger.warn("A listener of {} failed", event, ex);
				}
			}
		}
		finally {
			this.draining.set(false);
		}
		// an event queued after the loop ended but before the flag was cleared
		drainLater();
	}

}
