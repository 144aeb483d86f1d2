package dev.comm.benchmarks.curves;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.comm.benchmarks.curves.CurveDriver.Measurement;

/**
 * Requests of growing payloads (100 B to 1 MiB of JSON each way) over one connection, at
 * 1 and at 16 outstanding: the rate in MB/s of request payload, and the p99 of a round
 * trip.
 */
final class PayloadCurve {

	static final String NAME = "curve payload";

	static final List<Integer> SIZES = List.of(100, 4 * 1024, 64 * 1024, 1024 * 1024);

	static final List<Integer> OUTSTANDING = List.of(1, 16);

	private static final Curve.Axis AXIS = new Curve.Axis("payload size, JSON each way", true, true);

	private final List<Integer> sizes;

	private final List<Integer> outstanding;

	private final List<Stacks> stacks;

	PayloadCurve(List<Integer> sizes, List<Integer> outstanding, List<Stacks> stacks) {
		this.sizes = sizes;
		this.outstanding = outstanding;
		this.stacks = stacks;
	}

	CurveReport run(CurveOptions options) throws Exception {
		CurveDriver driver = new CurveDriver();
		Curve.Builder rates = new Curve.Builder();
		Curve.Builder tails = new Curve.Builder();
		List<Row> rows = new ArrayList<>();
		for (Stacks opening : this.stacks) {
			try (EchoStack stack = opening.open(1)) {
				Function<Blob, CompletableFuture<Blob>> connection = stack.connections().get(0);
				Blob small = Blob.ofJsonSize(this.sizes.get(0));
				driver.warmUpSubject(List.of(() -> small.checked(connection.apply(small))), 16, options);
				for (int inFlight : this.outstanding) {
					for (int size : this.sizes) {
						Blob blob = Blob.ofJsonSize(size);
						Supplier<CompletableFuture<?>> operation = () -> blob.checked(connection.apply(blob));
						Measurement measured = driver.measure(List.of(operation), inFlight, options);
						double megabytes = measured.opsPerSecond() * size / 1e6;
						String series = stack.name() + ", " + inFlight + " outstanding";
						rates.add(series, size, megabytes);
						tails.add(series, size, measured.p99Micros());
						rows.add(new Row(stack.name(), size, inFlight, measured, megabytes));
						System.out.printf("  %-16s %8s %3d outstanding %,10.0f/s %,9.1f MB/s p99 %,10.1f µs%n",
								stack.name(), Sizes.format(size), inFlight, measured.opsPerSecond(), megabytes,
								measured.p99Micros());
					}
				}
			}
		}
		List<Curve> charts = List.of(
				new Curve("payload-rate", "Payload size: request payload per second", AXIS, "MB/s", true,
						rates.build()),
				new Curve("payload-p99", "Payload size: p99 round trip", AXIS, "p99 µs", true, tails.build()));
		return new CurveReport(NAME, charts, table(rows));
	}

	private static String table(List<Row> rows) {
		Table table = new Table("subject", "payload", "outstanding", "requests/s", "MB/s", "p50 µs", "p99 µs",
				"MB/s vs rsocket-java", "MB/s vs raw Netty", "errors");
		for (Row row : rows) {
			boolean comm = row.subject().startsWith("comm");
			table.row(row.subject(), Sizes.format(row.size()), row.outstanding(),
					Table.number(row.measured().opsPerSecond()), Table.decimal(row.megabytes()),
					Table.decimal(row.measured().p50Micros()), Table.decimal(row.measured().p99Micros()),
					comm ? Table.ratio(ratio(rows, row, "rsocket-java")) : "",
					comm ? Table.ratio(ratio(rows, row, "raw Netty echo")) : "", row.measured().errors());
		}
		return table.toString();
	}

	private static double ratio(List<Row> rows, Row row, String other) {
		return rows.stream()
			.filter((each) -> each.subject().equals(other) && each.size() == row.size()
					&& each.outstanding() == row.outstanding())
			.findFirst()
			.map((each) -> row.megabytes() / each.megabytes())
			.orElse(Double.NaN);
	}

	record Row(String subject, int size, int outstanding, Measurement measured, double megabytes) {

	}

}
