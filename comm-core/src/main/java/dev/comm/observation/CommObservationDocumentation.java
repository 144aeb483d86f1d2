package dev.comm.observation;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * comm's two observations and their keys. With Spring Boot's Micrometer metrics each
 * becomes a timer of its name ({@code comm.client.requests},
 * {@code comm.server.requests}) with the low-cardinality keys as tags, and with
 * Micrometer Tracing a span.
 * <p>
 * Requests, throws and streams are all observed, told apart by the {@code kind} key
 * ({@code request}, {@code throw}, {@code stream}; see {@link CommCallKind}). A stream's
 * observation lasts from the subscription (on the caller) or the stream request (on the
 * responder) until the stream ends: {@code success} with its end frame, an error kind or
 * {@code timeout} when it failed, {@code connection-lost} with its link, and
 * {@code cancelled} when the caller's subscriber or the responder's handler gave it up
 * (see {@link CommOutcomes}). Its items are counted in the high-cardinality key
 * {@code stream.items} rather than as events, so that a long stream makes neither a span
 * event nor a counter increment per item.
 */
public enum CommObservationDocumentation implements ObservationDocumentation {

	/**
	 * A request, throw or stream this process sends, from the call (for a stream, the
	 * subscription) until its outcome.
	 */
	CLIENT {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultCommClientObservationConvention.class;
		}

	},

	/**
	 * A request, throw or stream a handler of this process serves, until its reply is
	 * ready (for a stream, until its end frame is written or it is cancelled).
	 */
	SERVER {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultCommServerObservationConvention.class;
		}

	};

	@Override
	public KeyName[] getLowCardinalityKeyNames() {
		return LowCardinalityKeys.values();
	}

	@Override
	public KeyName[] getHighCardinalityKeyNames() {
		return HighCardinalityKeys.values();
	}

	/** Keys with few values, fit for metric tags. */
	public enum LowCardinalityKeys implements KeyName {

		/**
		 * The route; {@code none} for an unrouted call, and on the server
		 * {@code unmatched} for a route no handler of its own serves.
		 */
		ROUTE {
			@Override
			public String asString() {
				return "route";
			}
		},

		/** {@code request}, {@code throw} or {@code stream}; see {@link CommCallKind}. */
		KIND {
			@Override
			public String asString() {
				return "kind";
			}
		},

		/** How the call ended; see {@link CommOutcomes}. */
		OUTCOME {
			@Override
			public String asString() {
				return "outcome";
			}
		},

		/**
		 * The transport scheme ({@code tcp}, {@code ws}, {@code amqp}, …), or
		 * {@code none}.
		 */
		TRANSPORT {
			@Override
			public String asString() {
				return "transport";
			}
		},

		/** The listener, connector or pool the call went through. */
		ENDPOINT {
			@Override
			public String asString() {
				return "endpoint";
			}
		}

	}

	/** Keys with many values, for traces only. */
	public enum HighCardinalityKeys implements KeyName {

		/** The client id of the process at the other end. */
		PEER_CLIENT_ID {
			@Override
			public String asString() {
				return "peer.client.id";
			}
		},

		/** The remote end's address as its transport describes it. */
		PEER_ADDRESS {
			@Override
			public String asString() {
				return "peer.address";
			}
		},

		/**
		 * On a stream's observation only: the items the caller's subscriber received, or
		 * the responder sent, until the stream ended.
		 */
		STREAM_ITEMS {
			@Override
			public String asString() {
				return "stream.items";
			}
		}

	}

}
