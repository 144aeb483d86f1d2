package dev.comm.transport;

import java.util.concurrent.CompletableFuture;

/**
 * A frame made ready for one connection by {@link Connection#prepare(Frame)}: what could
 * be done before the order of sends is fixed (encoding) is done, and {@link #send()} only
 * queues it.
 */
@FunctionalInterface
public interface PreparedFrame {

	/**
	 * Queue the frame, as {@link Connection#send(Frame)} does.
	 * @return completes as the future of {@link Connection#send(Frame)} does
	 */
	CompletableFuture<Void> send();

}
