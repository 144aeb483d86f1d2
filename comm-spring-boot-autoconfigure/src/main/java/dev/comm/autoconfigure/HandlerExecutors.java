package dev.comm.autoconfigure;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Creates the executor that runs handlers: virtual threads when the JDK has them and the
 * application asked for them, else a pool of at most {@code platformThreads} platform
 * threads whose queue never rejects, so that no message is dropped under load.
 * <p>
 * The platform pool is a {@link ForkJoinPool} in FIFO mode rather than a
 * {@code ThreadPoolExecutor}: it starts threads only as work needs them and wakes the
 * most recently idle one first, where a {@code ThreadPoolExecutor} starts all of its core
 * threads and wakes them in turn, so that a steady stream of small messages keeps handing
 * each one to a cold thread. Handlers may still block: the pool adds threads, up to the
 * maximum, while work is waiting.
 */
final class HandlerExecutors {

	private HandlerExecutors() {
	}

	static ExecutorService create(boolean virtualThreads, int platformThreads) {
		if (virtualThreads) {
			ExecutorService virtual = virtualThreadExecutor();
			if (virtual != null) {
				return virtual;
			}
		}
		// the pool's own threads would get the system class loader, which cannot see
		// an application packaged as a Spring Boot jar
		ClassLoader classLoader = Thread.currentThread().getContextClassLoader();
		AtomicInteger count = new AtomicInteger();
		return new ForkJoinPool(platformThreads, (pool) -> {
			ForkJoinWorkerThread thread = new HandlerThread(pool);
			thread.setName("comm-handler-" + count.incrementAndGet());
			thread.setContextClassLoader(classLoader);
			return thread;
		}, null, true);
	}

	private static ExecutorService virtualThreadExecutor() {
		try {
			// looked up reflectively: the code is compiled
			// for Java 17, which has no virtual threads
			return (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
		}
		catch (ReflectiveOperationException ex) {
			return null;
		}
	}

	/** A pool thread; its constructor is protected. */
	private static final class HandlerThread extends ForkJoinWorkerThread {

		HandlerThread(ForkJoinPool pool) {
			super(pool);
		}

	}

}
