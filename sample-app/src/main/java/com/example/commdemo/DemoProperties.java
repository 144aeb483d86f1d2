package com.example.commdemo;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the demo, all optional.
 *
 * @param role which part this process plays
 * @param workers how many worker processes the scheduler launches
 * @param tasks how many tasks the scheduler hands out
 * @param itemsPerTask how many data items each task looks up
 * @param workDelay simulated work per item, in the workers
 * @param timeout how long the scheduler waits for every task to be done
 * @param workerExitTimeout how long the scheduler waits for workers to exit before
 * killing them
 * @param schedulerPid set by the scheduler for its workers, which exit if it disappears
 * @param linger how long the scheduler stays up after the summary, for a look at its
 * Actuator endpoints
 */
@ConfigurationProperties("demo")
public record DemoProperties(@DefaultValue("scheduler") Role role, @DefaultValue("3") int workers,
		@DefaultValue("12") int tasks, @DefaultValue("4") int itemsPerTask, @DefaultValue("50ms") Duration workDelay,
		@DefaultValue("90s") Duration timeout, @DefaultValue("20s") Duration workerExitTimeout, Long schedulerPid,
		@DefaultValue("0s") Duration linger) {

	public DemoProperties {
		require(workers >= 1 && workers <= 64, "demo.workers must be between 1 and 64, not " + workers);
		require(tasks >= 1, "demo.tasks must be at least 1, not " + tasks);
		require(itemsPerTask >= 1, "demo.items-per-task must be at least 1, not " + itemsPerTask);
		require(!workDelay.isNegative(), "demo.work-delay must not be negative, not " + workDelay);
		require(isPositive(timeout), "demo.timeout must be positive, not " + timeout);
		require(isPositive(workerExitTimeout), "demo.worker-exit-timeout must be positive, not " + workerExitTimeout);
		require(!linger.isNegative(), "demo.linger must not be negative, not " + linger);
	}

	/**
	 * A duration as people write it.
	 * @param duration the duration
	 * @return for example {@code 90 s} or {@code 250 ms}
	 */
	static String describe(Duration duration) {
		long millis = duration.toMillis();
		return (millis % 1000 == 0) ? (millis / 1000) + " s" : millis + " ms";
	}

	private static boolean isPositive(Duration duration) {
		return !duration.isNegative() && !duration.isZero();
	}

	private static void require(boolean condition, String message) {
		if (!condition) {
			throw new IllegalArgumentException(message);
		}
	}

	/**
	 * The part a process plays.
	 */
	public enum Role {

		/** Listens, launches the workers, hands out tasks and data. */
		SCHEDULER,

		/** Dials the scheduler and does tasks until there are none left. */
		WORKER

	}

}
