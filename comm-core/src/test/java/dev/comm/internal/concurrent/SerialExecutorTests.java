package dev.comm.internal.concurrent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SerialExecutorTests {

	private final ExecutorService pool = Executors.newFixedThreadPool(4);

	@AfterEach
	void stopPool() {
		this.pool.shutdownNow();
	}

	@Test
	void tasksFromOneThreadRunInTheOrderTheyWereSubmitted() throws Exception {
		SerialExecutor serial = new SerialExecutor(this.pool, (task) -> {
		});
		List<Integer> ran = Collections.synchronizedList(new ArrayList<>());
		CountDownLatch done = new CountDownLatch(1);
		for (int i = 0; i < 10_000; i++) {
			int index = i;
			serial.execute(() -> ran.add(index));
		}
		serial.execute(done::countDown);
		assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
		assertThat(ran).hasSize(10_000).isSorted();
	}

	@Test
	void tasksFromManyThreadsAllRunOnceAndNeverTwoAtATime() throws Exception {
		SerialExecutor serial = new SerialExecutor(this.pool, (task) -> {
		});
		int threads = 8;
		int each = 5_000;
		AtomicInteger running = new AtomicInteger();
		AtomicInteger overlaps = new AtomicInteger();
		AtomicInteger ran = new AtomicInteger();
		CountDownLatch allRan = new CountDownLatch(threads * each);
		List<Thread> submitters = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			Thread submitter = new Thread(() -> {
				for (int i = 0; i < each; i++) {
					serial.execute(() -> {
						if (running.incrementAndGet() != 1) {
							overlaps.incrementAndGet();
						}
						ran.incrementAndGet();
						running.decrementAndGet();
						allRan.countDown();
					});
				}
			});
			submitters.add(submitter);
			submitter.start();
		}
		for (Thread submitter : submitters) {
			submitter.join(10_000);
		}
		assertThat(allRan.await(10, TimeUnit.SECONDS)).isTrue();
		assertThat(ran).hasValue(threads * each);
		assertThat(overlaps).hasValue(0);
	}

	@Test
	void aTaskThatThrowsDoesNotStopTheTasksBehindIt() throws Exception {
		SerialExecutor serial = new SerialExecutor(this.pool, (task) -> {
		});
		List<String> ran = Collections.synchronizedList(new ArrayList<>());
		CountDownLatch done = new CountDownLatch(1);
		serial.execute(() -> ran.add("first"));
		serial.execute(() -> {
			throw new IllegalStateException("a failing task, on purpose");
		});
		serial.execute(() -> ran.add("after the failure"));
		serial.execute(done::countDown);
		assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
		assertThat(ran).containsExactly("first", "after the failure");
	}

	@Test
	void tasksTheExecutorRefusesGoToTheRejectedCallbackInOrder() {
		ExecutorService stopped = Executors.newSingleThreadExecutor();
		stopped.shutdown();
		List<Runnable> rejected = new ArrayList<>();
		SerialExecutor serial = new SerialExecutor(stopped, rejected::add);
		Runnable first = () -> {
		};
		Runnable second = () -> {
		};
		serial.execute(first);
		serial.execute(second);
		assertThat(rejected).containsExactly(first, second);
	}

	@Test
	void anIdleSerialExecutorHoldsNoThreadOfItsPool() throws Exception {
		ExecutorService single = Executors.newSingleThreadExecutor();
		try {
			SerialExecutor first = new SerialExecutor(single, (task) -> {
			});
			SerialExecutor second = new SerialExecutor(single, (task) -> {
			});
			CountDownLatch ran = new CountDownLatch(3);
			first.execute(ran::countDown);
			second.execute(ran::countDown);
			first.execute(ran::countDown);
			assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
		}
		finally {
			single.shutdownNow();
		}
	}

}
