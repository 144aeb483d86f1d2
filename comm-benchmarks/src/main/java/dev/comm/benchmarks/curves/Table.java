package dev.comm.benchmarks.curves;

import java.util.List;
import java.util.Locale;

/**
 * A Markdown table, built row by row.
 */
final class Table {

	private final StringBuilder out = new StringBuilder();

	Table(String... columns) {
		this.out.append("| ").append(String.join(" | ", columns)).append(" |\n|");
		for (int i = 0; i < columns.length; i++) {
			this.out.append((i == 0) ? "---|" : "---:|");
		}
		this.out.append('\n');
	}

	Table row(Object... cells) {
		this.out.append("| ");
		for (int i = 0; i < cells.length; i++) {
			this.out.append((i > 0) ? " | " : "").append(cells[i]);
		}
		this.out.append(" |\n");
		return this;
	}

	static String number(double value) {
		return Double.isFinite(value) ? String.format(Locale.ROOT, "%,.0f", value) : "";
	}

	static String decimal(double value) {
		return Double.isFinite(value) ? String.format(Locale.ROOT, "%,.1f", value) : "";
	}

	static String ratio(double value) {
		return Double.isFinite(value) ? String.format(Locale.ROOT, "%.2f×", value) : "";
	}

	static String join(List<String> parts) {
		return String.join("\n", parts);
	}

	@Override
	public String toString() {
		return this.out.toString();
	}

}
