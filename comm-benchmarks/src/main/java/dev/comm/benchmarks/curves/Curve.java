package dev.comm.benchmarks.curves;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One chart of a scale curve: a figure (the y axis) against what grows (the x axis), one
 * series per subject.
 *
 * @param file the chart's file name without extension, such as {@code payload-rate}
 * @param title the chart's title
 * @param xAxis what grows, and how its ticks are labelled
 * @param yLabel the figure, with its unit
 * @param logY whether the y axis is logarithmic (for figures that span decades)
 * @param series the lines
 */
public record Curve(String file, String title, Axis xAxis, String yLabel, boolean logY, List<Series> series) {

	public Curve {
		series = List.copyOf(series);
	}

	/**
	 * The distinct x values of all series, in ascending order.
	 * @return the x values
	 */
	public List<Double> xValues() {
		return this.series.stream()
			.flatMap((line) -> line.points().stream())
			.map(CurvePoint::x)
			.distinct()
			.sorted()
			.toList();
	}

	/**
	 * Collects points into series by name, keeping the order in which names first appear.
	 */
	static final class Builder {

		private final Map<String, List<CurvePoint>> points = new LinkedHashMap<>();

		Builder add(String series, double x, double y) {
			this.points.computeIfAbsent(series, (name) -> new ArrayList<>()).add(new CurvePoint(x, y));
			return this;
		}

		List<Series> build() {
			List<Series> series = new ArrayList<>();
			this.points.forEach((name, line) -> series.add(new Series(name, line)));
			return series;
		}

	}

	/**
	 * The x axis: its label, whether it is logarithmic, and how a value is written at a
	 * tick.
	 *
	 * @param label the label, with its unit
	 * @param log whether the axis is logarithmic
	 * @param bytes whether values are sizes in bytes, written as 100 B, 4 KiB, 1 MiB
	 */
	public record Axis(String label, boolean log, boolean bytes) {

		String format(double value) {
			return this.bytes ? Sizes.format((long) value) : Sizes.count(value);
		}

	}

}
