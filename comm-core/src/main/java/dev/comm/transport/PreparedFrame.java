package dev.comm.transport;

import java.util.concurrent.CompletableFuture;

/**
 * A frame made ready for one connection by {@link Connection#prepare(Frame)}: what could
 * be done before the order of sends is fixed (encoding) is done. Sending it then takes
 * two steps, so that a caller keeping a record in the order frames go out holds its lock
 * only for the first: {@link #queue()} puts the frame in line, cheaply, and the returned
 * {@link Queued#finish()} does the rest (waking the writer, waiting for room).
 */
@FunctionalInterface
public interface PreparedFrame {

	/**
	 * Put the frame in line: it goes out before every frame of this connection queued
	 * after this call returns.
	 * @return the rest of the send
	 */
	Queued queue();

	/**
	 * Queue the frame and finish the send, as {@link Connection#send(Frame)} does.
	 * @return completes as the future of {@link Connection#send(Frame)} does
	 */
	default CompletableFuture<Void> send() {
		return queue().finish();
	}

	/**
	 * A frame in line.
	 */
	@FunctionalInterface
	interface Queued {

		/**
		 * Finish the send; call it once, without holding the lock the frame was queued
		 * under.
		 * @return completes as the future of {@link Connection#send(Frame)} does
		 */
		CompletableFuture<Void> finish();

	}

}
