package dev.comm.observation;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

import dev.comm.observation.CommObservationDocumentation.HighCardinalityKeys;
import dev.comm.observation.CommObservationDocumentation.LowCardinalityKeys;

/**
 * The key values both default conventions derive from a {@link CommCall} the same way.
 */
final class CommKeyValues {

	static final String NONE = "none";

	private CommKeyValues() {
	}

	static KeyValues lowCardinality(CommCall call, String route) {
		return KeyValues.of(LowCardinalityKeys.ROUTE.withValue(route), LowCardinalityKeys.KIND.withValue(kind(call)),
				LowCardinalityKeys.OUTCOME.withValue(orNone(call.getOutcome())),
				LowCardinalityKeys.TRANSPORT.withValue(orNone(call.getTransport())),
				LowCardinalityKeys.ENDPOINT.withValue(orNone(call.getEndpoint())));
	}

	static KeyValues highCardinality(CommCall call) {
		KeyValues values = KeyValues.empty();
		if (call.getPeerClientId() != null) {
			values = values.and(KeyValue.of(HighCardinalityKeys.PEER_CLIENT_ID, call.getPeerClientId()));
		}
		if (call.getPeerAddress() != null) {
			values = values.and(KeyValue.of(HighCardinalityKeys.PEER_ADDRESS, call.getPeerAddress()));
		}
		return values;
	}

	static String kind(CommCall call) {
		return call.isThrow() ? "throw" : "request";
	}

	static String contextualName(CommCall call, String route) {
		return kind(call) + " " + route;
	}

	private static String orNone(String value) {
		return (value != null && !value.isEmpty()) ? value : NONE;
	}

}
