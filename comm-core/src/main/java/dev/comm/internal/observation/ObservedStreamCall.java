package dev.comm.internal.observation;

import java.util.Map;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.observation.Observation;

import dev.comm.internal.session.Link;
import dev.comm.observation.CommClientContext;

/**
 * A stream call's {@code comm.client.requests} observation, started on the subscribing
 * thread and ended once, by the first of the stream's ends its subscriber sees.
 */
final class ObservedStreamCall implements StreamCallObservation {

	private final Observation observation;

	private final CommClientContext context;

	private final Observation parent;

	private final AtomicBoolean ended = new AtomicBoolean();

	ObservedStreamCall(Observation observation, CommClientContext context, Observation parent) {
		this.observation = observation;
		this.context = context;
		this.parent = parent;
	}

	@Override
	public Map<String, Object> metadata() {
		return this.context.getCarrier();
	}

	@Override
	public void sentOn(Link link) {
		this.context.getCall().setLink(link.transport(), link.peerClientId(), link.remoteAddress());
	}

	@Override
	public <T> Flow.Subscriber<? super T> observe(Flow.Subscriber<? super T> subscriber) {
		return new ObservingSubscriber<T>(subscriber, this);
	}

	/**
	 * End the observation, unless an earlier end did: a cancel may race the end frame.
	 * @param outcome the outcome
	 * @param cause the failure, or {@code null}
	 * @param items the items the subscriber received
	 */
	void end(String outcome, Throwable cause, long items) {
		if (this.ended.compareAndSet(false, true)) {
			this.context.getCall().setItems(items);
			CallEnd.stop(this.observation, this.context.getCall(), outcome, cause);
		}
	}

	/**
	 * Put the caller's context back in place for a signal to its subscriber, as a
	 * request's outcome is handed over: the subscriber's work belongs to the code that
	 * subscribed, not to whatever thread delivers the items.
	 * @return the scope to close after the signal, or {@code null} when the caller had no
	 * current observation
	 */
	Observation.Scope callersScope() {
		return (this.parent != null) ? this.parent.openScope() : null;
	}

}
