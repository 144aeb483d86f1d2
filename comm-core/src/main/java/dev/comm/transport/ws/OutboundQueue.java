package dev.comm.transport.ws;

import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs one connection's writes one after another on an executor. A WebSocket session
 * allows one write at a time and its writes block, so callers (handler threads, timers,
 * the container's own thread answering a ping) queue here instead of waiting for the
 * socket; the order of one thread's calls is kept.
 */
final class OutboundQueue {

	private final Queue<Write> writes = new ConcurrentLinkedQueue<>();

	private final AtomicBoolean draining = new AtomicBoolean();

	private final Executor executor;

	OutboundQueue(Executor executor) {
		this.executor = executor;
	}

	/**
	 * Queue a write.
	 * @param action the write, run on the executor after every write queued before it
	 * @return completes when the write ran, exceptionally with what it threw
	 */
	CompletableFuture<Void> add(IoAction action) {
		CompletableFuture<Void> done = new CompletableFuture<>();
		this.writes.add(new Write(action, done));
		schedule();
		return done;
	}

	private void schedule() {
		if (this.draining.compareAndSet(false, true)) {
			try {
				this.executor.execute(this::drain);
			}
			catch (RuntimeException ex) {
				// the executor is shut down: nothing will ever write these
				this.draining.set(false);
				failAll(ex);
			}
		}
	}

	private void drain() {
		try {
			Write write;
			while ((write = this.writes.poll()) != null) {
				try {
					write.action().run();
					write.done().complete(null);
				}
				catch (Exception ex) {
					write.done().completeExceptionally(ex);
				}
			}
		}
		finally {
			this.draining.set(false);
		}
		// a write queued between the last poll and the reset above still gets its turn
		if (!this.writes.isEmpty()) {
			schedule();
		}
	}

	private void failAll(Exception cause) {
		Write write;
		while ((write = this.writes.poll()) != null) {
			write.done().completeExceptionally(cause);
		}
	}

	/**
	 * A write that may fail with an I/O error.
	 */
	@FunctionalInterface
	interface IoAction {

		void run() throws Exception;

	}

	private record Write(IoAction action, CompletableFuture<Void> done) {
	}

}
