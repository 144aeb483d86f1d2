package dev.comm.internal.observation;

import io.micrometer.observation.Observation;

import dev.comm.internal.stream.ServedStreamEnd;
import dev.comm.observation.CommCall;
import dev.comm.observation.CommOutcomes;
import dev.comm.protocol.ErrorBody;

/**
 * Stops a served stream's observation with how the stream ended: {@code success}, the
 * error kind the caller was told, {@code cancelled} or {@code connection-lost}.
 */
final class ObservedStreamEnd implements ServedStreamEnd {

	private final Observation observation;

	private final CommCall call;

	ObservedStreamEnd(Observation observation, CommCall call) {
		this.observation = observation;
		this.call = call;
	}

	@Override
	public void completed(long items) {
		stop(CommOutcomes.SUCCESS, null, items);
	}

	@Override
	public void failed(ErrorBody error, Throwable cause, long items) {
		stop(error.kind().wireName(), cause, items);
	}

	@Override
	public void cancelled(long items) {
		stop(CommOutcomes.CANCELLED, null, items);
	}

	@Override
	public void lost(long items) {
		stop(CommOutcomes.CONNECTION_LOST, null, items);
	}

	private void stop(String outcome, Throwable cause, long items) {
		this.call.setItems(items);
		CallEnd.stop(this.observation, this.call, outcome, cause);
	}

}
