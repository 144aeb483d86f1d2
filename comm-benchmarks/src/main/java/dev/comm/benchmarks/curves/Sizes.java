package dev.comm.benchmarks.curves;

import java.util.Locale;

/**
 * How sizes and counts are written in tables and on axes.
 */
final class Sizes {

	private Sizes() {
	}

	/**
	 * A size in bytes, in the largest binary unit that divides it: 100 B, 4 KiB, 1 MiB.
	 * @param bytes the size
	 * @return the text
	 */
	static String format(long bytes) {
		if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
			return (bytes / (1024 * 1024)) + " MiB";
		}
		if (bytes >= 1024 && bytes % 1024 == 0) {
			return (bytes / 1024) + " KiB";
		}
		return bytes + " B";
	}

	/**
	 * A count or a figure on an axis: whole numbers with thousands separators, small
	 * fractions with the digits they need.
	 * @param value the value
	 * @return the text
	 */
	static String count(double value) {
		if (value == Math.rint(value) && Math.abs(value) < 1e15) {
			return String.format(Locale.ROOT, "%,d", (long) value);
		}
		if (Math.abs(value) >= 10) {
			return String.format(Locale.ROOT, "%,.0f", value);
		}
		if (Math.abs(value) >= 1) {
			return String.format(Locale.ROOT, "%.1f", value);
		}
		return String.format(Locale.ROOT, "%.2g", value);
	}

}
