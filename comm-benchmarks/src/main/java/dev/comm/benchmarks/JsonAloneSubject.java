package dev.comm.benchmarks;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;

import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;

/**
 * Not a transport: what converting the payload costs on this machine. One thread per core
 * converts the quote to JSON and back as fast as it can, with nothing in between, so its
 * rate is the most that any transport which converts every message on both sides could
 * deliver here. It puts the throws goal, an absolute figure, next to what the machine
 * allows.
 */
final class JsonAloneSubject implements Subject {

	// the cheapest way through the mapper: readers and writers bound to the type once
	private static final ObjectWriter WRITER = Quote.JSON.writerFor(Quote.class);

	private static final ObjectReader READER = Quote.JSON.readerFor(Quote.class);

	@Override
	public String name() {
		return "JSON alone";
	}

	@Override
	public Family family() {
		return Family.JSON;
	}

	@Override
	public Set<Shape> shapes() {
		return EnumSet.of(Shape.THROWS);
	}

	@Override
	public CompletableFuture<Quote> request(Quote quote) {
		throw new UnsupportedOperationException("JSON alone answers no requests");
	}

	/**
	 * Convert on every core for a while; nothing is sent, so the driver has no part.
	 * @param driver not used
	 * @param duration how long
	 * @return conversions (to JSON and back) per second, over all threads
	 */
	@Override
	public Sample measureThrows(ThrowDriver driver, Duration duration) {
		int threads = Runtime.getRuntime().availableProcessors();
		LongAdder converted = new LongAdder();
		LongAdder allocated = new LongAdder();
		long start = System.nanoTime();
		long deadline = start + duration.toNanos();
		Thread[] converters = new Thread[threads];
		for (int i = 0; i < threads; i++) {
			converters[i] = new Thread(() -> {
				long before = Allocations.currentThread();
				converted.add(convertUntil(deadline));
				allocated.add(Allocations.currentThread() - before);
			}, "json-alone-" + i);
			converters[i].start();
		}
		for (Thread converter : converters) {
			try {
				converter.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while converting", ex);
			}
		}
		// the converters end with the run and take their allocation counts with them:
		// counted here
		return new Sample(converted.sum() * 1e9 / (System.nanoTime() - start), Double.NaN, Double.NaN, 0,
				(double) allocated.sum() / Math.max(1, converted.sum()));
	}

	private static long convertUntil(long deadline) {
		long count = 0;
		Quote last = Quote.SAMPLE;
		do {
			for (int i = 0; i < 100; i++) {
				last = READER.readValue(WRITER.writeValueAsBytes(last));
			}
			count += 100;
		}
		while (System.nanoTime() < deadline);
		if (!last.equals(Quote.SAMPLE)) {
			throw new IllegalStateException("The quote changed on its way through JSON: " + last);
		}
		return count;
	}

	@Override
	public void close() {
		// nothing to release
	}

}
