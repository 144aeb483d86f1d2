package dev.comm.internal.observation;

import dev.comm.internal.stream.ServedStreamEnd;
import dev.comm.observation.CommOutcomes;
import dev.comm.protocol.ErrorBody;

/**
 * Stops a served stream's observation with how the stream ended: {@code success}, the
 * error kind the caller was told, {@code cancelled} or {@code connection-lost}.
 */
final class ObservedStreamEnd implements ServedStreamEnd {

	private final ServerObservationStarter.Started started;

	ObservedStreamEnd(ServerObservationStarter.Started started) {
		this.started = started;
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
		this.started.call().setItems(items);
		this.started.stop(outcome, cause);
	}

}
