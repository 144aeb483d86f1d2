package dev.comm.internal.observation;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

import dev.comm.observation.CommCall;
import dev.comm.observation.CommCallKind;
import dev.comm.observation.CommClientContext;
import dev.comm.observation.CommClientObservationConvention;
import dev.comm.observation.CommObservationDocumentation;
import dev.comm.observation.CommOutcomes;
import dev.comm.observation.DefaultCommClientObservationConvention;
import dev.comm.internal.session.Link;

/**
 * Observes outgoing calls with Micrometer: one {@code comm.client.requests} observation
 * per call or stream, started on the caller's thread as a child of the caller's current
 * observation, so that a tracing handler puts the trace context into the call's metadata.
 */
public final class MicrometerCallObserver implements CallObserver {

	private static final CommClientObservationConvention DEFAULT_CONVENTION = new DefaultCommClientObservationConvention();

	private final ObservationRegistry registry;

	private final CommClientObservationConvention convention;

	/**
	 * An observer.
	 * @param registry the registry
	 * @param convention the user's convention, or {@code null} for the default
	 */
	public MicrometerCallObserver(ObservationRegistry registry, CommClientObservationConvention convention) {
		this.registry = registry;
		this.convention = convention;
	}

	@Override
	public CallObservation start(String target, String route, boolean isThrow) {
		CommClientContext context = new CommClientContext(new CommCall(route, isThrow, target));
		Observation parent = this.registry.getCurrentObservation();
		Observation observation = started(context);
		if (observation.isNoop()) {
			return CallObservation.NONE;
		}
		return new Started(observation, context, parent);
	}

	@Override
	public StreamCallObservation startStream(String target, String route) {
		CommClientContext context = new CommClientContext(new CommCall(route, CommCallKind.STREAM, target));
		Observation parent = this.registry.getCurrentObservation();
		Observation observation = started(context);
		if (observation.isNoop()) {
			return StreamCallObservation.NONE;
		}
		return new ObservedStreamCall(observation, context, parent);
	}

	private Observation started(CommClientContext context) {
		return CommObservationDocumentation.CLIENT
			.observation(this.convention, DEFAULT_CONVENTION, () -> context, this.registry)
			.start();
	}

	private record Started(Observation observation, CommClientContext context,
			Observation parent) implements CallObservation {

		@Override
		public Map<String, Object> metadata() {
			return this.context.getCarrier();
		}

		@Override
		public void sentOn(Link link) {
			this.context.getCall().setLink(link.transport(), link.peerClientId(), link.remoteAddress());
		}

		@Override
		public <R> CompletableFuture<R> end(CompletableFuture<R> outcome) {
			if (this.parent == null) {
				return outcome.whenComplete((value, failure) -> stop(failure));
			}
			CompletableFuture<R> handedOver = new CompletableFuture<>();
			outcome.whenComplete((value, failure) -> {
				stop(failure);
				// what the caller chains to the future runs in the caller's context, not
				// in the finished call's
				try (Observation.Scope scope = this.parent.openScope()) {
					complete(handedOver, value, failure);
				}
			});
			return handedOver;
		}

		private void stop(Throwable failure) {
			CallEnd.stop(this.observation, this.context.getCall(),
					(failure != null) ? CommOutcomes.of(failure) : CommOutcomes.SUCCESS, failure);
		}

		private static <R> void complete(CompletableFuture<R> future, R value, Throwable failure) {
			if (failure != null) {
				future.completeExceptionally(failure);
			}
			else {
				future.complete(value);
			}
		}

	}

}
