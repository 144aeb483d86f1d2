package dev.comm.benchmarks.curves;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.comm.benchmarks.curves.CurveDriver.Measurement;

/**
 * Many client connections to one listener, 16 requests outstanding on each, 100-byte
 * payloads: the total rate, the p99, and how evenly the listener serves its peers (the
 * fastest peer's rate over the slowest's).
 */
final class PeersCurve {

	static final String NAME = "curve peers";

	static final List<Integer> PEERS = List.of(1, 16, 256);

	static final int OUTSTANDING = 16;

	private static final Curve.Axis AXIS = new Curve.Axis("client connections to one listener", true, false);

	private final List<Integer> peers;

	private final List<Stacks> stacks;

	PeersCurve(List<Integer> peers, List<Stacks> stacks) {
		this.peers = peers;
		this.stacks = stacks;
	}

	CurveReport run(CurveOptions options) throws Exception {
		CurveDriver driver = new CurveDriver();
		Curve.Builder rates = new Curve.Builder();
		Curve.Builder tails = new Curve.Builder();
		Curve.Builder spreads = new Curve.Builder();
		Blob blob = Blob.ofJsonSize(100);
		int most = this.peers.stream().mapToInt(Integer::intValue).max().orElse(1);
		Table table = new Table("subject", "peers", "requests/s", "p50 µs", "p99 µs", "fastest/slowest peer", "errors");
		List<double[]> commRates = new ArrayList<>();
		for (Stacks opening : this.stacks) {
			try (EchoStack stack = opening.open(most)) {
				List<Function<Blob, CompletableFuture<Blob>>> connections = stack.connections();
				driver.warmUpSubject(List.of(() -> blob.checked(connections.get(0).apply(blob))), OUTSTANDING, options);
				for (int count : this.peers) {
					List<Supplier<CompletableFuture<?>>> channels = new ArrayList<>();
					for (Function<Blob, CompletableFuture<Blob>> connection : connections.subList(0, count)) {
						channels.add(() -> blob.checked(connection.apply(blob)));
					}
					Measurement measured = driver.measure(channels, OUTSTANDING, options);
					rates.add(stack.name(), count, measured.opsPerSecond());
					tails.add(stack.name(), count, measured.p99Micros());
					spreads.add(stack.name(), count, measured.channelSpread());
					table.row(stack.name(), count, Table.number(measured.opsPerSecond()),
							Table.decimal(measured.p50Micros()), Table.decimal(measured.p99Micros()),
							Table.ratio(measured.channelSpread()), measured.errors());
					System.out.printf("  %-16s %4d peers %,10.0f/s p99 %,10.1f µs spread %.2f×%n", stack.name(), count,
							measured.opsPerSecond(), measured.p99Micros(), measured.channelSpread());
				}
			}
		}
		List<Curve> charts = List.of(
				new Curve("peers-rate", "Peers: total request rate, 16 outstanding per peer", AXIS, "requests/s", false,
						rates.build()),
				new Curve("peers-p99", "Peers: p99 round trip", AXIS, "p99 µs", true, tails.build()),
				new Curve("peers-spread", "Peers: fastest peer's rate over the slowest's", AXIS, "fastest / slowest",
						false, spreads.build()));
		return new CurveReport(NAME, charts, table.toString());
	}

}
