package dev.comm.benchmarks.curves;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.comm.benchmarks.curves.CurveDriver.Measurement;
import dev.comm.client.CommPool;
import dev.comm.client.CommReply;

/**
 * A broadcast of a 100-byte request to every worker, one broadcast at a time, until each
 * has replied: broadcasts per second and the time to the last reply. comm's pool
 * broadcast against the same fan-out written by hand over rsocket-java connections.
 */
final class FanOutCurve {

	static final String NAME = "curve fan-out";

	static final List<Integer> FAN_OUTS = List.of(1, 8, 64);

	private static final Curve.Axis AXIS = new Curve.Axis("workers a broadcast reaches", true, false);

	private final List<Integer> fanOuts;

	FanOutCurve(List<Integer> fanOuts) {
		this.fanOuts = fanOuts;
	}

	CurveReport run(CurveOptions options) throws Exception {
		CurveDriver driver = new CurveDriver();
		Curve.Builder rates = new Curve.Builder();
		Curve.Builder tails = new Curve.Builder();
		Table table = new Table("subject", "workers", "broadcasts/s", "last reply p50 µs", "last reply p99 µs",
				"errors");
		Blob blob = Blob.ofJsonSize(100);
		try (CommEcho comm = new CommEcho(0, this.fanOuts)) {
			for (int size : this.fanOuts) {
				CommPool pool = comm.fanOut(size);
				awaitMembers(pool, size);
				Supplier<CompletableFuture<?>> broadcast = () -> pool.broadcastAsync("blob", blob, Blob.class)
					.thenApply((replies) -> {
						if (replies.size() != size || !replies.stream()
							.allMatch((reply) -> reply.isSuccess() && blob.answeredBy(reply.value()))) {
							throw new IllegalStateException("A broadcast missed a worker: " + describe(replies));
						}
						return replies;
					});
				if (size == this.fanOuts.get(0)) {
					driver.warmUpSubject(List.of(broadcast), 1, options);
				}
				record(table, rates, tails, "comm tcp", size, driver.measure(List.of(broadcast), 1, options));
			}
		}
		int most = this.fanOuts.stream().mapToInt(Integer::intValue).max().orElse(1);
		try (RSocketEcho rsocket = new RSocketEcho(most)) {
			List<Function<Blob, CompletableFuture<Blob>>> connections = rsocket.connections();
			for (int size : this.fanOuts) {
				List<Function<Blob, CompletableFuture<Blob>>> workers = connections.subList(0, size);
				Supplier<CompletableFuture<?>> broadcast = () -> {
					CompletableFuture<?>[] replies = new CompletableFuture<?>[size];
					for (int i = 0; i < size; i++) {
						replies[i] = blob.checked(workers.get(i).apply(blob));
					}
					return CompletableFuture.allOf(replies);
				};
				if (size == this.fanOuts.get(0)) {
					driver.warmUpSubject(List.of(broadcast), 1, options);
				}
				record(table, rates, tails, "rsocket-java", size, driver.measure(List.of(broadcast), 1, options));
			}
		}
		List<Curve> charts = List.of(
				new Curve("fan-out-rate", "Broadcast fan-out: broadcasts per second, one at a time", AXIS,
						"broadcasts/s", true, rates.build()),
				new Curve("fan-out-last-reply", "Broadcast fan-out: time to the last reply (p99)", AXIS,
						"last reply p99 µs", true, tails.build()));
		return new CurveReport(NAME, charts, table.toString());
	}

	private static void record(Table table, Curve.Builder rates, Curve.Builder tails, String subject, int size,
			Measurement measured) {
		rates.add(subject, size, measured.opsPerSecond());
		tails.add(subject, size, measured.p99Micros());
		table.row(subject, size, Table.number(measured.opsPerSecond()), Table.decimal(measured.p50Micros()),
				Table.decimal(measured.p99Micros()), measured.errors());
		System.out.printf("  %-16s %3d workers %,10.0f broadcasts/s last reply p50 %,10.1f µs p99 %,10.1f µs%n",
				subject, size, measured.opsPerSecond(), measured.p50Micros(), measured.p99Micros());
	}

	private static void awaitMembers(CommPool pool, int size) throws InterruptedException {
		long deadline = System.nanoTime() + 30_000_000_000L;
		while (pool.memberIds().size() < size) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException(
						pool.name() + " has " + pool.memberIds().size() + " live members, not " + size);
			}
			Thread.sleep(20);
		}
	}

	private static String describe(List<? extends CommReply<?>> replies) {
		List<String> outcomes = new ArrayList<>();
		for (CommReply<?> reply : replies) {
			outcomes.add(reply.memberId() + ": " + (reply.isSuccess() ? "ok" : reply.error().toString()));
		}
		return outcomes.toString();
	}

}
