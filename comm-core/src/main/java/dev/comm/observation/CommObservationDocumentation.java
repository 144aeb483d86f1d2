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
 */
public enum CommObservationDocumentation implements ObservationDocumentation {

	/** A request or throw this process sends, from the call until its outcome. */
	CLIENT {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultCommClientObservationConvention.class;
		}

	},

	/** A request or throw a handler of this process serves, until its reply is ready. */
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

		/** {@code request} or {@code throw}. */
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
		}

	}

}
