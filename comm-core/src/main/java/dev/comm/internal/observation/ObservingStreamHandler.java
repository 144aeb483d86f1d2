package dev.comm.internal.observation;

import java.util.concurrent.Executor;
import java.util.concurrent.Flow;

import io.micrometer.observation.Observation;

import dev.comm.internal.session.InboundMessage;
import dev.comm.internal.stream.StreamHandler;
import dev.comm.internal.stream.StreamReply;
import dev.comm.observation.CommCallKind;
import dev.comm.observation.CommOutcomes;

/**
 * Serves each stream request in a {@code comm.server.requests} observation of kind
 * {@code stream}: it reads the caller's trace context from the request's metadata, keeps
 * the observation current while the handler method runs, while its items are subscribed
 * to and while a blocking source is pulled (so the handler's own calls belong to it), and
 * stops it when the stream ends.
 */
public final class ObservingStreamHandler implements StreamHandler {

	private final StreamHandler handler;

	private final ServerObservationStarter observations;

	/**
	 * Observe a stream handler.
	 * @param handler the handler
	 * @param observations what starts each stream's observation
	 */
	public ObservingStreamHandler(StreamHandler handler, ServerObservationStarter observations) {
		this.handler = handler;
		this.observations = observations;
	}

	@Override
	public StreamReply open(InboundMessage message, Executor pullExecutor) {
		ServerObservationStarter.Started started = this.observations.start(message, CommCallKind.STREAM);
		Observation observation = started.observation();
		StreamReply reply;
		try (Observation.Scope scope = observation.openScope()) {
			reply = this.handler.open(message, inScope(pullExecutor, observation));
		}
		catch (RuntimeException | Error ex) {
			started.stop(CommOutcomes.ERROR, ex);
			throw ex;
		}
		return reply.with(inScope(reply.items(), observation), new ObservedStreamEnd(started));
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
