package dev.comm.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Renders a run's results as one Markdown table, comm's figures as ratios to the
 * alternatives of the same run, and the goals against those figures.
 */
final class ResultTable {

	private static final List<Family> ALTERNATIVES = List.of(Family.SPRING_RSOCKET, Family.RSOCKET, Family.GRPC,
			Family.NETTY);

	private final List<Result> results;

	ResultTable(List<Result> results) {
		this.results = results;
	}

	String render() {
		StringBuilder out = new StringBuilder();
		out.append("| case | shape | p50 µs | p99 µs | ops/s | spread |");
		ALTERNATIVES.forEach((family) -> out.append(" vs ").append(family.label()).append(" |"));
		out.append(" B/op |");
		out.append("\n|---|---|---:|---:|---:|---:|");
		ALTERNATIVES.forEach((family) -> out.append("---:|"));
		out.append("---:|");
		out.append('\n');
		for (Result result : this.results) {
			out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %.0f%% |", result.subject(),
					result.shape().label(), micros(result.p50Micros()), micros(result.p99Micros()),
					rate(result.opsPerSecond()), 100 * result.spread()));
			for (Family family : ALTERNATIVES) {
				out.append(' ').append(ratio(result, family)).append(" |");
			}
			out.append(' ').append(bytes(result.bytesPerOp())).append(" |");
			if (result.errors() > 0) {
				out.append(" ").append(result.errors()).append(" errors");
			}
			out.append('\n');
		}
		out.append("\nRatios: for 1 outstanding, comm's p50 latency over the alternative's (lower is better); ")
			.append("otherwise comm's rate over the alternative's (higher is better). ")
			.append("Spread: (max - min) / median of the iterations' rates. ")
			.append("B/op: bytes allocated per request or throw, client and server together (both run in this JVM).\n");
		out.append("\nGoals:\n\n");
		goals(out);
		return out.toString();
	}

	private String ratio(Result result, Family family) {
		if (result.family() != Family.COMM) {
			return "";
		}
		return find(family, result.shape()).map((other) -> {
			double ratio = (result.shape() == Shape.LATENCY) ? result.p50Micros() / other.p50Micros()
					: result.opsPerSecond() / other.opsPerSecond();
			return String.format(Locale.ROOT, "%.2f×", ratio);
		}).orElse("");
	}

	private void goals(StringBuilder out) {
		Optional<Result> tcp = find("comm tcp", Shape.THROUGHPUT);
		Optional<Result> spring = find(Family.SPRING_RSOCKET, Shape.THROUGHPUT);
		Optional<Result> rsocket = find(Family.RSOCKET, Shape.THROUGHPUT);
		if (tcp.isPresent() && spring.isPresent() && rsocket.isPresent()) {
			double overSpring = tcp.get().opsPerSecond() / spring.get().opsPerSecond();
			double overRSocket = tcp.get().opsPerSecond() / rsocket.get().opsPerSecond();
			goal(out, overSpring >= 3 && overRSocket >= 1,
					String.format(Locale.ROOT,
							"tcp, 256 outstanding: %.2f× Spring RSocket (goal 3×), %.2f× rsocket-java (goal 1×)",
							overSpring, overRSocket));
		}
		find("comm tcp", Shape.THROWS).ifPresent((throwsTcp) -> goal(out, throwsTcp.opsPerSecond() >= 1_000_000,
				"throws over tcp: " + rate(throwsTcp.opsPerSecond()) + " messages/s (goal 1,000,000)"
						+ find(Family.JSON, Shape.THROWS)
							.map((json) -> String.format(Locale.ROOT,
									"; converting the payload to JSON and back, with no transport, "
											+ "reaches %s/s on this machine, and comm %.0f%% of that",
									rate(json.opsPerSecond()), 100 * throwsTcp.opsPerSecond() / json.opsPerSecond()))
							.orElse("")));
		Optional<Result> latency = find("comm tcp", Shape.LATENCY);
		Optional<Result> netty = find(Family.NETTY, Shape.LATENCY);
		if (latency.isPresent() && netty.isPresent()) {
			double ratio = latency.get().p50Micros() / netty.get().p50Micros();
			goal(out, ratio <= 1.3, String.format(Locale.ROOT,
					"tcp, 1 outstanding: p50 %.2f× the raw Netty echo's (goal at most 1.3×)", ratio));
		}
		for (String transport : List.of("tcp", "unix")) {
			Optional<Result> nonBlocking = find("comm " + transport + " non-blocking", Shape.LATENCY);
			if (nonBlocking.isPresent() && netty.isPresent()) {
				double ratio = nonBlocking.get().p50Micros() / netty.get().p50Micros();
				goal(out, ratio <= 1.1,
						String.format(Locale.ROOT,
								"%s, 1 outstanding, non-blocking handler: p50 %.2f× the raw Netty echo's over tcp "
										+ "(goal at most 1.1×)",
								transport, ratio));
			}
		}
		allocationGoals(out);
		Optional<Result> observed = find("comm tcp observed", Shape.THROUGHPUT);
		if (tcp.isPresent() && observed.isPresent()) {
			double share = observed.get().rateOverByRound(tcp.get());
			goal(out, share >= 0.85, String.format(Locale.ROOT,
					"tcp, 256 outstanding, with observation on both sides: %.0f%% of the rate without, the median "
							+ "of the rounds' ratios (goal 85%%)",
					100 * share));
		}
		for (Shape shape : Shape.values()) {
			Optional<Result> unix = find("comm unix", shape);
			Optional<Result> overTcp = find("comm tcp", shape);
			if (unix.isPresent() && overTcp.isPresent()) {
				boolean met = (shape == Shape.LATENCY) ? unix.get().p50Micros() <= overTcp.get().p50Micros()
						: unix.get().opsPerSecond() >= overTcp.get().opsPerSecond();
				goal(out, met, "unix at least as fast as tcp, " + shape.label());
			}
		}
	}

	/**
	 * What comm allocates beyond Jackson's own work: a throw converts one payload to JSON
	 * and back, as the JSON-alone case does; a request two, its argument and its reply.
	 */
	private void allocationGoals(StringBuilder out) {
		Optional<Result> json = find(Family.JSON, Shape.THROWS);
		if (json.isEmpty() || Double.isNaN(json.get().bytesPerOp())) {
			return;
		}
		double jackson = json.get().bytesPerOp();
		find("comm tcp", Shape.THROWS).filter((result) -> !Double.isNaN(result.bytesPerOp()))
			.ifPresent((result) -> allocationGoal(out, "throw", result.bytesPerOp(), jackson));
		find("comm tcp", Shape.THROUGHPUT).filter((result) -> !Double.isNaN(result.bytesPerOp()))
			.ifPresent((result) -> allocationGoal(out, "request", result.bytesPerOp(), 2 * jackson));
	}

	private static void allocationGoal(StringBuilder out, String kind, double bytes, double jackson) {
		double beyond = bytes - jackson;
		goal(out, beyond <= 1024, String.format(Locale.ROOT,
				"allocation per %s over tcp: %,.0f bytes, %,.0f beyond the %,.0f that Jackson's conversions allocate "
						+ "(goal at most 1,024)",
				kind, bytes, beyond, jackson));
	}

	private static String bytes(double value) {
		return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%,.0f", value);
	}

	private static void goal(StringBuilder out, boolean met, String text) {
		out.append("- ").append(met ? "met: " : "not met: ").append(text).append('\n');
	}

	private Optional<Result> find(Family family, Shape shape) {
		return this.results.stream().filter((r) -> r.family() == family && r.shape() == shape).findFirst();
	}

	private Optional<Result> find(String subject, Shape shape) {
		return this.results.stream().filter((r) -> r.subject().equals(subject) && r.shape() == shape).findFirst();
	}

	private static String micros(double value) {
		return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.1f", value);
	}

	private static String rate(double value) {
		return String.format(Locale.ROOT, "%,.0f", value);
	}

	static List<String> header(BenchmarkOptions options) {
		List<String> lines = new ArrayList<>();
		lines.add("Date: " + java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC)
			.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
		lines.add("JDK: " + System.getProperty("java.vm.name") + " " + Runtime.version());
		lines.add("Machine: " + Machine.describe());
		lines.add("Run: " + options);
		return lines;
	}

}
