package dev.comm.benchmarks.curves;

import java.util.List;

/**
 * What one curve measured: its charts and a Markdown table of every point.
 *
 * @param name the curve's name, such as "curve payload"
 * @param charts the charts, one per figure
 * @param table the table, in Markdown
 */
public record CurveReport(String name, List<Curve> charts, String table) {

	public CurveReport {
		charts = List.copyOf(charts);
	}

}
