package dev.comm.internal.observation;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.comm.internal.session.Link;

/**
 * The observation of one outgoing call, from before it has a link until its outcome.
 */
public interface CallObservation {

	/** Observes nothing; the outcome is passed on as it is. */
	CallObservation NONE = new CallObservation() {

		@Override
		public Map<String, Object> metadata() {
			return Map.of();
		}

		@Override
		public void sentOn(Link link) {
		}

		@Override
		public <R> CompletableFuture<R> end(CompletableFuture<R> outcome) {
			return outcome;
		}

	};

	/**
	 * Metadata keys the call must carry, such as the caller's trace context.
	 * @return the keys; empty when there are none
	 */
	Map<String, Object> metadata();

	/**
	 * The call goes out on {@code link}; called at most once, on any thread.
	 * @param link the link
	 */
	void sentOn(Link link);

	/**
	 * End the observation when {@code outcome} completes.
	 * @param <R> the outcome's type
	 * @param outcome the call's outcome
	 * @return the future to hand the caller: it completes after the observation ended,
	 * with the caller's context back in place for what the caller chains to it
	 */
	<R> CompletableFuture<R> end(CompletableFuture<R> outcome);

}
