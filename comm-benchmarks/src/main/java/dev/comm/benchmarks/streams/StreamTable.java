package dev.comm.benchmarks.streams;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The streams' rates as a Markdown table, comm's as ratios to the others of the same run,
 * and the goal: at least twice rsocket-java's items per second.
 */
final class StreamTable {

	static final String COMM = "comm tcp";

	static final String RSOCKET = "rsocket-java";

	static final String GRPC = "gRPC";

	private final int items;

	private final Map<String, List<Double>> rates;

	StreamTable(int items, Map<String, List<Double>> rates) {
		this.items = items;
		this.rates = rates;
	}

	String render() {
		StringBuilder out = new StringBuilder();
		out.append(String.format(Locale.ROOT, "| stream of %,d items | items/s | spread | vs %s | vs %s |%n",
				this.items, RSOCKET, GRPC));
		out.append("|---|---:|---:|---:|---:|\n");
		this.rates
			.forEach((name, measured) -> out.append(String.format(Locale.ROOT, "| %s | %,.0f | %.0f%% | %s | %s |%n",
					name, median(measured), 100 * spread(measured), ratio(name, RSOCKET), ratio(name, GRPC))));
		out.append("\nEach item is a small record as JSON (about 40 bytes), converted by the server and back by the "
				+ "caller; spread: (max - min) / median of the rounds.\n");
		if (this.rates.containsKey(COMM) && this.rates.containsKey(RSOCKET)) {
			double overRSocket = median(this.rates.get(COMM)) / median(this.rates.get(RSOCKET));
			out.append(String.format(Locale.ROOT, "%n- %s: stream over tcp: %.2f× rsocket-java's items/s (goal 2×)%n",
					(overRSocket >= 2) ? "met" : "not met", overRSocket));
		}
		return out.toString();
	}

	private String ratio(String name, String other) {
		if (!name.equals(COMM) || !this.rates.containsKey(other)) {
			return "";
		}
		return String.format(Locale.ROOT, "%.2f×", median(this.rates.get(name)) / median(this.rates.get(other)));
	}

	static double median(List<Double> values) {
		double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	private static double spread(List<Double> values) {
		double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		return (sorted[sorted.length - 1] - sorted[0]) / median(values);
	}

}
