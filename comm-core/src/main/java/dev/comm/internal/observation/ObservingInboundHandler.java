package dev.comm.internal.observation;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Predicate;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

import dev.comm.internal.session.InboundHandler;
import dev.comm.internal.session.InboundMessage;
import dev.comm.internal.session.Link;
import dev.comm.internal.session.Outcome;
import dev.comm.observation.CommCall;
import dev.comm.observation.CommObservationDocumentation;
import dev.comm.observation.CommOutcomes;
import dev.comm.observation.CommServerContext;
import dev.comm.observation.CommServerObservationConvention;
import dev.comm.observation.DefaultCommServerObservationConvention;

/**
 * Serves each inbound message in a {@code comm.server.requests} observation: it reads the
 * caller's trace context from the metadata, keeps the observation current while the
 * handler runs (so the handler's own calls and logs belong to it), and stops it when the
 * outcome is ready, before the reply is written.
 */
public final class ObservingInboundHandler implements InboundHandler {

	private static final CommServerObservationConvention DEFAULT_CONVENTION = new DefaultCommServerObservationConvention();

	private final InboundHandler handler;

	private final ObservationRegistry registry;

	private final CommServerObservationConvention convention;

	private final Predicate<String> mappedRoutes;

	/**
	 * Observe a handler.
	 * @param handler the handler
	 * @param registry the registry
	 * @param convention the user's convention, or {@code null} for the default
	 * @param mappedRoutes which routes have a handler of their own
	 */
	public ObservingInboundHandler(InboundHandler handler, ObservationRegistry registry,
			CommServerObservationConvention convention, Predicate<String> mappedRoutes) {
		this.handler = handler;
		this.registry = registry;
		this.convention = convention;
		this.mappedRoutes = mappedRoutes;
	}

	@Override
	public Executor executorFor(InboundMessage message, Executor handlerExecutor) {
		return this.handler.executorFor(message, handlerExecutor);
	}

	@Override
	public CompletableFuture<Outcome> handle(InboundMessage message) {
		Link link = message.link();
		CommCall call = new CommCall(message.route(), message.isThrow(), link.endpoint());
		call.setLink(link.transport(), link.peerClientId(), link.remoteAddress());
		CommServerContext context = new CommServerContext(call, message.metadata().extra(),
				this.mappedRoutes.test(message.route()));
		Observation observation = CommObservationDocumentation.SERVER
			.observation(this.convention, DEFAULT_CONVENTION, () -> context, this.registry)
			.start();
		CompletableFuture<Outcome> outcome;
		try (Observation.Scope scope = observation.openScope()) {
			outcome = this.handler.handle(message);
		}
		catch (RuntimeException | Error ex) {
			CallEnd.stop(observation, call, CommOutcomes.ERROR, ex);
			throw ex;
		}
		return outcome.whenComplete((result, failure) -> CallEnd.stop(observation, call, outcomeOf(result, failure),
				(failure != null) ? failure : (result != null) ? result.cause() : null));
	}

	private static String outcomeOf(Outcome result, Throwable failure) {
		if (failure != null || result == null) {
			return CommOutcomes.ERROR;
		}
		return result.isSuccess() ? CommOutcomes.SUCCESS : result.error().kind().wireName();
	}

}
