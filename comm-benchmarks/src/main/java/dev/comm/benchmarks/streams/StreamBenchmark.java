package dev.comm.benchmarks.streams;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams {@code items} items through every subject: each is warmed up, then measured in
 * rounds that stream once through every subject, so that the machine's changing load is
 * spread over all of them, as the request cases do.
 */
public final class StreamBenchmark {

	/** How many items a warm-up stream carries, so that warming up takes seconds. */
	private static final int WARM_UP_ITEMS = 100_000;

	private final int items;

	private final int rounds;

	private final Duration warmup;

	/**
	 * A benchmark.
	 * @param items the items of each measured stream
	 * @param rounds how many streams of each subject are measured
	 * @param warmup how long each subject streams before it is measured
	 */
	public StreamBenchmark(int items, int rounds, Duration warmup) {
		this.items = items;
		this.rounds = rounds;
		this.warmup = warmup;
	}

	/**
	 * Run, and tell the rate of each subject.
	 * @param subjects the subjects, comm's first
	 * @return the table, with the goal
	 * @throws Exception when a stream failed
	 */
	public String run(List<? extends StreamSubject> subjects) throws Exception {
		for (StreamSubject subject : subjects) {
			System.out.printf("warm-up %s stream%n", subject.name());
			long end = System.nanoTime() + this.warmup.toNanos();
			do {
				measure(subject, Math.min(WARM_UP_ITEMS, this.items));
			}
			while (System.nanoTime() < end);
		}
		Map<String, List<Double>> rates = new LinkedHashMap<>();
		for (int round = 1; round <= this.rounds; round++) {
			System.out.printf("stream round %d of %d%n", round, this.rounds);
			for (StreamSubject subject : subjects) {
				double rate = measure(subject, this.items);
				rates.computeIfAbsent(subject.name(), (name) -> new ArrayList<>()).add(rate);
				System.out.printf("  %-16s stream %,14.0f items/s%n", subject.name(), rate);
			}
		}
		return new StreamTable(this.items, rates).render();
	}

	private static double measure(StreamSubject subject, int items) throws Exception {
		long start = System.nanoTime();
		long arrived = subject.consume(items);
		long elapsed = System.nanoTime() - start;
		if (arrived != items) {
			throw new IllegalStateException(
					subject.name() + " delivered " + arrived + " of a stream of " + items + " items");
		}
		return items * 1e9 / elapsed;
	}

}
