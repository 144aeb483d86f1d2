package dev.comm.internal.observation;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import io.micrometer.observation.Observation;

import dev.comm.internal.session.InboundHandler;
import dev.comm.internal.session.InboundMessage;
import dev.comm.internal.session.Outcome;
import dev.comm.observation.CommCallKind;
import dev.comm.observation.CommOutcomes;

/**
 * Serves each inbound message in a {@code comm.server.requests} observation: it reads the
 * caller's trace context from the metadata, keeps the observation current while the
 * handler runs (so the handler's own calls and logs belong to it), and stops it when the
 * outcome is ready, before the reply is written.
 */
public final class ObservingInboundHandler implements InboundHandler {

	private final InboundHandler handler;

	private final ServerObservationStarter observations;

	/**
	 * Observe a handler.
	 * @param handler the handler
	 * @param observations what starts each message's observation
	 */
	public ObservingInboundHandler(InboundHandler handler, ServerObservationStarter observations) {
		this.handler = handler;
		this.observations = observations;
	}

	@Override
	public Executor executorFor(InboundMessage message, Executor handlerExecutor) {
		return this.handler.executorFor(message, handlerExecutor);
	}

	@Override
	public CompletableFuture<Outcome> handle(InboundMessage message) {
		ServerObservationStarter.Started started = this.observations.start(message,
				message.isThrow() ? CommCallKind.THROW : CommCallKind.REQUEST);
		CompletableFuture<Outcome> outcome;
		try (Observation.Scope scope = started.observation().openScope()) {
			outcome = this.handler.handle(message);
		}
		catch (RuntimeException | Error ex) {
			started.stop(CommOutcomes.ERROR, ex);
			throw ex;
		}
		return outcome.whenComplete((result, failure) -> started.stop(outcomeOf(result, failure),
				(failure != null) ? failure : (result != null) ? result.cause() : null));
	}

	private static String outcomeOf(Outcome result, Throwable failure) {
		if (failure != null || result == null) {
			return CommOutcomes.ERROR;
		}
		return result.isSuccess() ? CommOutcomes.SUCCESS : result.error().kind().wireName();
	}

}
