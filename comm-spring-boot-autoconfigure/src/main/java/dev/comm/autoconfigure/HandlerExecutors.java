package dev.comm.autoconfigure;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Creates the executor that runs handlers: virtual threads when the JDK has them and the
 * application asked for them, else a bounded pool of platform threads whose queue never
 * rejects, so that no message is dropped under load.
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
		AtomicInteger count = new AtomicInteger();
		ThreadPoolExecutor pool = new ThreadPoolExecutor(platformThreads, platformThreads, 60, TimeUnit.SECONDS,
				new LinkedBlockingQueue<>(), (runnable) -> {
					Thread thread = new Thread(runnable, "comm-handler-" + count.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				});
		pool.allowCoreThreadTimeOut(true);
		return pool;
	}

	private static ExecutorService virtualThreadExecutor() {
		try {
			// looked up reflectively: the code is compiled for Java 17, which has no
			// virtual threads
			return (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
		}
		catch (ReflectiveOperationException ex) {
			return null;
		}
	}

}
