package dev.comm.internal.observation;

import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.function.Predicate;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

import dev.comm.internal.session.InboundMessage;
import dev.comm.internal.session.Link;
import dev.comm.internal.stream.StreamHandler;
import dev.comm.internal.stream.StreamReply;
import dev.comm.observation.CommCall;
import dev.comm.observation.CommCallKind;
import dev.comm.observation.CommObservationDocumentation;
import dev.comm.observation.CommOutcomes;
import dev.comm.observation.CommServerContext;
import dev.comm.observation.CommServerObservationConvention;
import dev.comm.observation.DefaultCommServerObservationConvention;

/**
 * Serves each stream request in a {@code comm.server.requests} observation of kind
 * {@code stream}: it reads the caller's trace context from the request's metadata, keeps
 * the observation current while the handler method runs, while its items are subscribed
 * to and while a blocking source is pulled (so the handler's own calls belong to it), and
 * stops it when the stream ends.
 */
public final class ObservingStreamHandler implements StreamHandler {

	private static final CommServerObservationConvention DEFAULT_CONVENTION = new DefaultCommServerObservationConvention();

	private final StreamHandler handler;

	private final ObservationRegistry registry;

	private final CommServerObservationConvention convention;

	private final Predicate<String> mappedRoutes;

	/**
	 * Observe a stream handler.
	 * @param handler the handler
	 * @param registry the registry
	 * @param convention the user's convention, or {@code null} for the default
	 * @param mappedRoutes which routes have a handler of their own
	 */
	public ObservingStreamHandler(StreamHandler handler, ObservationRegistry registry,
			CommServerObservationConvention convention, Predicate<String> mappedRoutes) {
		this.handler = handler;
		this.registry = registry;
		this.convention = convention;
		this.mappedRoutes = mappedRoutes;
	}

	@Override
	public StreamReply open(InboundMessage message, Executor pullExecutor) {
		Link link = message.link();
		CommCall call = new CommCall(message.route(), CommCallKind.STREAM, link.endpoint());
		call.setLink(link.transport(), link.peerClientId(), link.remoteAddress());
		CommServerContext context = new CommServerContext(call, message.metadata().extra(),
				this.mappedRoutes.test(message.route()));
		Observation observation = CommObservationDocumentation.SERVER
			.observation(this.convention, DEFAULT_CONVENTION, () -> context, this.registry)
			.start();
		StreamReply reply;
		try (Observation.Scope scope = observation.openScope()) {
			reply = this.handler.open(message, inScope(pullExecutor, observation));
		}
		catch (RuntimeException | Error ex) {
			CallEnd.stop(observation, call, CommOutcomes.ERROR, ex);
			throw ex;
		}
		return reply.with(inScope(reply.items(), observation), new ObservedStreamEnd(observation, call));
	}

	/** Pulls of a blocking source run in the observation, on whichever thread. */
	private static Executor inScope(Executor executor, Observation observation) {
		return (task) -> executor.execute(() -> {
			try (Observation.Scope scope = observation.openScope()) {
				task.run();
			}
		});
	}

	/**
	 * The subscription runs in the observation: a publisher's work often starts there
	 * rather than in the handler method that built it.
	 */
	private static Flow.Publisher<?> inScope(Flow.Publisher<?> items, Observation observation) {
		if (items == null) {
			return null;
		}
		return (subscriber) -> {
			try (Observation.Scope scope = observation.openScope()) {
				items.subscribe(subscriber);
			}
		};
	}

}
