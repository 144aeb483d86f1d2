package dev.comm.internal.session;

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

	/**
	 * Complete {@code future} with {@code value}, or with {@code failure} when that is
	 * not {@code null}, with the current thread marked while its callbacks run.
	 * @param <T> the reply type
	 * @param future the reply future
	 * @param value the reply, when it succeeded
	 * @param failure why it failed, or {@code null}
	 */
	static <T> void complete(CompletableFuture<T> future, T value, Throwable failure) {
		int[] current = depth.get();
		current[0]++;
		try {
			if (failure == null) {
				future.complete(value);
			}
			else {
				future.completeExceptionally(failure);
			}
		}
		finally {
			current[0]--;
		}
	}

}
