package dev.comm.internal.observation;

import java.util.function.Predicate;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

import dev.comm.internal.session.InboundMessage;
import dev.comm.internal.session.Link;
import dev.comm.observation.CommCall;
import dev.comm.observation.CommCallKind;
import dev.comm.observation.CommObservationDocumentation;
import dev.comm.observation.CommServerContext;
import dev.comm.observation.CommServerObservationConvention;
import dev.comm.observation.DefaultCommServerObservationConvention;

/**
 * Starts the {@code comm.server.requests} observation of a message a handler of this
 * process serves, so that requests, throws and streams describe their call, read the
 * caller's trace context and choose their convention alike; the handlers differ only in
 * when the observation ends.
 */
public final class ServerObservationStarter {

	private static final CommServerObservationConvention DEFAULT_CONVENTION = new DefaultCommServerObservationConvention();

	private final ObservationRegistry registry;

	private final CommServerObservationConvention convention;

	private final Predicate<String> mappedRoutes;

	/**
	 * A starter of server observations.
	 * @param registry the registry
	 * @param convention the user's convention, or {@code null} for the default
	 * @param mappedRoutes which routes have a handler of their own
	 */
	public ServerObservationStarter(ObservationRegistry registry, CommServerObservationConvention convention,
			Predicate<String> mappedRoutes) {
		this.registry = registry;
		this.convention = convention;
		this.mappedRoutes = mappedRoutes;
	}

	/**
	 * Start the observation of serving {@code message}, with its link's details and the
	 * caller's trace context from its metadata.
	 * @param message the message
	 * @param kind a request, a throw or a stream
	 * @return the started observation and what it knows of the call
	 */
	Started start(InboundMessage message, CommCallKind kind) {
		Link link = message.link();
		CommCall call = new CommCall(message.route(), kind, link.endpoint());
		call.setLink(link.transport(), link.peerClientId(), link.remoteAddress());
		CommServerContext context = new CommServerContext(call, message.metadata().extra(),
				this.mappedRoutes.test(message.route()));
		Observation observation = CommObservationDocumentation.SERVER
			.observation(this.convention, DEFAULT_CONVENTION, () -> context, this.registry)
			.start();
		return new Started(observation, call);
	}

	/**
	 * A started server observation and the call it describes, which its end fills in.
	 *
	 * @param observation the observation
	 * @param call what the observation knows of the call
	 */
	record Started(Observation observation, CommCall call) {

		/**
		 * End the observation.
		 * @param outcome the outcome
		 * @param cause the failure, or {@code null}
		 */
		void stop(String outcome, Throwable cause) {
			CallEnd.stop(this.observation, this.call, outcome, cause);
		}

	}

}
