package dev.comm.session;

import java.util.concurrent.CompletableFuture;

/**
 * Completes reply futures and remembers, per thread, that it is doing so. A caller's
 * callbacks on {@code requestAsync} run inside that completion, on an I/O or timer
 * thread; a blocking call made there would wait for a reply that this very thread has to
 * deliver, so blocking calls ask {@link #isRunning()} and refuse instead of hanging.
 */
public final class ReplyCallbacks {

	private static final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);

	private ReplyCallbacks() {
	}

	/**
	 * Whether the current thread is running the callbacks of a reply future.
	 * @return whether a blocking call here could wait for itself
	 */
	public static boolean isRunning() {
		return depth.get()[0] > 0;
	}

	static <T> void complete(CompletableFuture<T> future, T value) {
		int[] current = depth.get();
		current[0]++;
		try {
			future.complete(value);
		}
		finally {
			current[0]--;
		}
	}

	static void fail(CompletableFuture<?> future, Throwable cause) {
		int[] current = depth.get();
		current[0]++;
		try {
			future.completeExceptionally(cause);
		}
		finally {
			current[0]--;
		}
	}

}
