package dev.comm.benchmarks.curves;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws a {@link Curve} as a self-contained SVG line chart: one polyline with markers per
 * series, a legend, labelled axes (the x axis logarithmic where the curve says so, as for
 * payload sizes), and a title with the run's date, JDK and machine beneath it.
 */
public final class SvgChart {

	static final int WIDTH = 760;

	static final int HEIGHT = 440;

	private static final int LEFT = 90;

	private static final int RIGHT = 220;

	private static final int TOP = 64;

	private static final int BOTTOM = 60;

	private static final String[] COLOURS = { "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b",
			"#e377c2", "#17becf" };

	private final Curve curve;

	private final String subtitle;

	private final double xMin;

	private final double xMax;

	private final double yMin;

	private final double yMax;

	private final List<Double> yTicks;

	/**
	 * A chart of one curve.
	 * @param curve the curve
	 * @param subtitle the line under the title: date, JDK, machine
	 */
	public SvgChart(Curve curve, String subtitle) {
		this.curve = curve;
		this.subtitle = subtitle;
		List<Double> xs = curve.xValues();
		double lowX = xs.isEmpty() ? 1 : xs.get(0);
		double highX = xs.isEmpty() ? 1 : xs.get(xs.size() - 1);
		if (curve.xAxis().log()) {
			lowX = Math.log10(lowX);
			highX = Math.log10(highX);
		}
		if (highX == lowX) {
			lowX -= 1;
			highX += 1;
		}
		double pad = (highX - lowX) * 0.05;
		this.xMin = lowX - pad;
		this.xMax = highX + pad;
		List<Double> ys = curve.series()
			.stream()
			.flatMap((line) -> line.points().stream())
			.map(CurvePoint::y)
			.filter((y) -> Double.isFinite(y) && (!curve.logY() || y > 0))
			.toList();
		double highY = ys.stream().mapToDouble(Double::doubleValue).max().orElse(1);
		if (curve.logY()) {
			double lowY = ys.stream().mapToDouble(Double::doubleValue).min().orElse(1);
			int low = (int) Math.floor(Math.log10(lowY));
			int high = Math.max(low + 1, (int) Math.ceil(Math.log10(highY)));
			this.yMin = low;
			this.yMax = high;
			this.yTicks = new ArrayList<>();
			for (int power = low; power <= high; power++) {
				this.yTicks.add(Math.pow(10, power));
			}
		}
		else {
			double step = niceStep((highY > 0) ? highY / 5 : 1);
			this.yMin = 0;
			this.yMax = step * Math.ceil(highY / step);
			this.yTicks = new ArrayList<>();
			for (int i = 0; i * step <= this.yMax + step / 2; i++) {
				this.yTicks.add(i * step);
			}
		}
	}

	private static double niceStep(double rough) {
		double power = Math.pow(10, Math.floor(Math.log10(rough)));
		double fraction = rough / power;
		double nice = (fraction <= 1) ? 1 : (fraction <= 2) ? 2 : (fraction <= 5) ? 5 : 10;
		return nice * power;
	}

	/**
	 * Where a value lands on the x axis.
	 * @param value the value
	 * @return the horizontal position in the picture
	 */
	double x(double value) {
		double at = this.curve.xAxis().log() ? Math.log10(value) : value;
		return LEFT + (at - this.xMin) / (this.xMax - this.xMin) * (WIDTH - LEFT - RIGHT);
	}

	/**
	 * Where a value lands on the y axis.
	 * @param value the value
	 * @return the vertical position in the picture
	 */
	double y(double value) {
		double at = this.curve.logY() ? Math.log10(value) : value;
		return HEIGHT - BOTTOM - (at - this.yMin) / (this.yMax - this.yMin) * (HEIGHT - TOP - BOTTOM);
	}

	/**
	 * The picture.
	 * @return the SVG document
	 */
	public String render() {
		StringBuilder svg = new StringBuilder();
		svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
		svg.append(format("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
				+ "font-family=\"sans-serif\" font-size=\"12\">\n", WIDTH, HEIGHT, WIDTH, HEIGHT));
		svg.append(format("<rect width=\"%d\" height=\"%d\" fill=\"white\"/>\n", WIDTH, HEIGHT));
		svg.append(format("<text x=\"%d\" y=\"24\" font-size=\"16\" font-weight=\"bold\">%s</text>\n", LEFT,
				escape(this.curve.title())));
		svg.append(format("<text x=\"%d\" y=\"44\" font-size=\"11\" fill=\"#555\">%s</text>\n", LEFT,
				escape(this.subtitle)));
		axes(svg);
		int index = 0;
		for (Series line : this.curve.series()) {
			series(svg, line, COLOURS[index % COLOURS.length], index);
			index++;
		}
		svg.append("</svg>\n");
		return svg.toString();
	}

	private void axes(StringBuilder svg) {
		int bottom = HEIGHT - BOTTOM;
		int right = WIDTH - RIGHT;
		svg.append(format(
				"<g class=\"axes\" stroke=\"#333\"><line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>"
						+ "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/></g>\n",
				LEFT, bottom, right, bottom, LEFT, TOP, LEFT, bottom));
		for (double value : this.curve.xValues()) {
			double at = x(value);
			svg.append(format(
					"<line class=\"x-tick\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#333\"/>"
							+ "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n",
					at, bottom, at, bottom + 5, at, bottom + 18, escape(this.curve.xAxis().format(value))));
		}
		for (double value : this.yTicks) {
			double at = y(value);
			svg.append(format(
					"<line class=\"y-grid\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>"
							+ "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n",
					LEFT, at, right, at, LEFT - 6, at + 4, escape(Sizes.count(value))));
		}
		svg.append(format("<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>\n", (LEFT + right) / 2, HEIGHT - 18,
				escape(this.curve.xAxis().label() + (this.curve.xAxis().log() ? " (log scale)" : ""))));
		svg.append(format("<text x=\"20\" y=\"%d\" text-anchor=\"middle\" transform=\"rotate(-90 20 %d)\">%s</text>\n",
				(TOP + bottom) / 2, (TOP + bottom) / 2,
				escape(this.curve.yLabel() + (this.curve.logY() ? " (log scale)" : ""))));
	}

	private void series(StringBuilder svg, Series line, String colour, int index) {
		List<CurvePoint> drawn = line.points()
			.stream()
			.filter((point) -> Double.isFinite(point.y()) && (!this.curve.logY() || point.y() > 0))
			.toList();
		StringBuilder points = new StringBuilder();
		for (CurvePoint point : drawn) {
			points.append(format("%.1f,%.1f ", x(point.x()), y(point.y())));
		}
		svg.append(format("<g class=\"series\" data-name=\"%s\">", escape(line.name())));
		svg.append(format("<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>", colour,
				points.toString().strip()));
		for (CurvePoint point : drawn) {
			svg.append(format("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"><title>%s: %s</title></circle>",
					x(point.x()), y(point.y()), colour, escape(this.curve.xAxis().format(point.x())),
					escape(Sizes.count(point.y()))));
		}
		svg.append("</g>\n");
		int legendY = TOP + 10 + index * 20;
		int legendX = WIDTH - RIGHT + 16;
		svg.append(format(
				"<g class=\"legend\" font-size=\"11\"><line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" "
						+ "stroke-width=\"2\"/><text x=\"%d\" y=\"%d\">%s</text></g>\n",
				legendX, legendY, legendX + 20, legendY, colour, legendX + 26, legendY + 4, escape(line.name())));
	}

	private static String format(String pattern, Object... values) {
		return String.format(Locale.ROOT, pattern, values);
	}

	static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

}
