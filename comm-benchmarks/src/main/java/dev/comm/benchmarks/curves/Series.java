package dev.comm.benchmarks.curves;

import java.util.List;

/**
 * One line of a chart: a subject (and shape) measured at every point of a curve.
 *
 * @param name the legend's text
 * @param points the points, in x order
 */
public record Series(String name, List<CurvePoint> points) {

	public Series {
		points = List.copyOf(points);
	}

}
