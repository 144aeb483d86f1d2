package dev.comm.benchmarks;

import java.lang.management.ManagementFactory;

/**
 * The bytes the JVM's threads allocated so far, from HotSpot's per-thread counters: the
 * difference over a run, divided by its operations, is what one operation allocates on
 * both sides (client and server live in this process). Threads that end in between take
 * their count with them; the pools the subjects use live for the whole run, and a subject
 * with threads of its own per run counts them itself ({@link #currentThread()}).
 */
final class Allocations {

	private static final com.sun.management.ThreadMXBean THREADS = (com.sun.management.ThreadMXBean) ManagementFactory
		.getThreadMXBean();

	private Allocations() {
	}

	/**
	 * What the calling thread has allocated.
	 * @return bytes, or -1 where the JVM does not count them
	 */
	static long currentThread() {
		if (!THREADS.isThreadAllocatedMemorySupported() || !THREADS.isThreadAllocatedMemoryEnabled()) {
			return -1;
		}
		return THREADS.getCurrentThreadAllocatedBytes();
	}

	/**
	 * What every live thread has allocated.
	 * @return bytes, or -1 where the JVM does not count them
	 */
	static long total() {
		if (!THREADS.isThreadAllocatedMemorySupported() || !THREADS.isThreadAllocatedMemoryEnabled()) {
			return -1;
		}
		long total = 0;
		for (long bytes : THREADS.getThreadAllocatedBytes(THREADS.getAllThreadIds())) {
			if (bytes > 0) {
				total += bytes;
			}
		}
		return total;
	}

}
