package dev.comm.autoconfigure;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform-thread handler pool: bounded threads, an unbounded queue, the
 * application's class loader.
 */
class HandlerExecutorsTests {

	@Test
	void neverRunsMoreThanTheMaximumAtOnceAndQueuesTheRest() throws Exception {
		ExecutorService pool = HandlerExecutors.create(false, 3);
		try {
			CountDownLatch release = new CountDownLatch(1);
			CountDownLatch started = new CountDownLatch(3);
			AtomicInteger running = new AtomicInteger();
			AtomicInteger mostAtOnce = new AtomicInteger();
			CountDownLatch finished = new CountDownLatch(10);
			for (int i = 0; i < 10; i++) {
				pool.execute(() -> {
					mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
					started.countDown();
					try {
						release.await();
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
					running.decrementAndGet();
					finished.countDown();
				});
			}
			assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
			Thread.sleep(100);
			assertThat(running).hasValue(3);
			release.countDown();
			assertThat(finished.await(10, TimeUnit.SECONDS)).isTrue();
			assertThat(mostAtOnce).hasValue(3);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void takesAFloodOfSmallTasksWithoutRejectingAny() throws Exception {
		ExecutorService pool = HandlerExecutors.create(false, 2);
		try {
			int tasks = 100_000;
			CountDownLatch done = new CountDownLatch(tasks);
			for (int i = 0; i < tasks; i++) {
				pool.execute(done::countDown);
			}
			assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void threadsAreNamedDaemonsWithTheCreatorsContextClassLoader() throws Exception {
		ClassLoader application = new URLClassLoader(new URL[0], getClass().getClassLoader());
		ClassLoader previous = Thread.currentThread().getContextClassLoader();
		Thread.currentThread().setContextClassLoader(application);
		ExecutorService pool;
		try {
			pool = HandlerExecutors.create(false, 4);
		}
		finally {
			Thread.currentThread().setContextClassLoader(previous);
		}
		try {
			Set<String> seen = ConcurrentHashMap.newKeySet();
			CountDownLatch done = new CountDownLatch(1);
			pool.execute(() -> {
				Thread thread = Thread.currentThread();
				if (thread.isDaemon() && thread.getContextClassLoader() == application) {
					seen.add(thread.getName());
				}
				done.countDown();
			});
			assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
			assertThat(seen).singleElement().asString().startsWith("comm-handler-");
		}
		finally {
			pool.shutdownNow();
		}
	}

}
