package dev.comm.internal.observation;

import io.micrometer.observation.Observation;

import dev.comm.observation.CommCall;

/**
 * How both sides end the observation of a call: the outcome first, since the convention
 * reads it when the observation stops, then the error, then the stop.
 */
final class CallEnd {

	private CallEnd() {
	}

	static void stop(Observation observation, CommCall call, String outcome, Throwable cause) {
		call.setOutcome(outcome);
		if (cause != null) {
			observation.error(cause);
		}
		observation.stop();
	}

}
