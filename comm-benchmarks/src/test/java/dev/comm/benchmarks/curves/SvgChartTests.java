package dev.comm.benchmarks.curves;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SvgChartTests {

	private static final Curve.Axis BYTES = new Curve.Axis("payload size", true, true);

	@Test
	void chartIsWellFormedSvgWithTitleLegendAndAxisLabels() throws Exception {
		Curve curve = new Curve("payload-rate", "Payload <size> & rate", BYTES, "MB/s", false,
				List.of(new Series("comm tcp", List.of(new CurvePoint(100, 1), new CurvePoint(4096, 20))),
						new Series("rsocket-java", List.of(new CurvePoint(100, 2), new CurvePoint(4096, 10)))));
		Document svg = parse(new SvgChart(curve, "Date: 2026-12-07, JDK: 17").render());
		assertThat(svg.getDocumentElement().getTagName()).isEqualTo("svg");
		List<String> texts = texts(svg);
		assertThat(texts).contains("Payload <size> & rate", "Date: 2026-12-07, JDK: 17", "comm tcp", "rsocket-java",
				"100 B", "4 KiB", "payload size (log scale)", "MB/s");
		assertThat(svg.getElementsByTagName("polyline").getLength()).isEqualTo(2);
		assertThat(svg.getElementsByTagName("circle").getLength()).isEqualTo(4);
	}

	@Test
	void pointsArePlacedOnTheirValuesAndHigherValuesAreDrawnHigher() throws Exception {
		Curve curve = new Curve("c", "t", new Curve.Axis("peers", false, false), "requests/s", false,
				List.of(new Series("a", List.of(new CurvePoint(1, 0), new CurvePoint(3, 50), new CurvePoint(5, 100)))));
		SvgChart chart = new SvgChart(curve, "");
		List<double[]> circles = circles(parse(chart.render()));
		assertThat(circles).hasSize(3);
		for (int i = 0; i < 3; i++) {
			CurvePoint point = curve.series().get(0).points().get(i);
			assertThat(circles.get(i)[0]).isCloseTo(chart.x(point.x()), within(0.1));
			assertThat(circles.get(i)[1]).isCloseTo(chart.y(point.y()), within(0.1));
		}
		// linear: the middle point halfway between the others on both axes; SVG's y grows
		// downwards
		assertThat(circles.get(1)[0]).isCloseTo((circles.get(0)[0] + circles.get(2)[0]) / 2, within(0.2));
		assertThat(circles.get(1)[1]).isCloseTo((circles.get(0)[1] + circles.get(2)[1]) / 2, within(0.2));
		assertThat(circles.get(2)[1]).isLessThan(circles.get(0)[1]);
		assertThat(circles).allSatisfy((xy) -> assertThat(xy[0]).isBetween(0.0, (double) SvgChart.WIDTH));
		assertThat(circles).allSatisfy((xy) -> assertThat(xy[1]).isBetween(0.0, (double) SvgChart.HEIGHT));
	}

	@Test
	void logAxisSpacesEqualRatiosEqually() throws Exception {
		Curve curve = new Curve("c", "t", BYTES, "p99 µs", true, List.of(new Series("a",
				List.of(new CurvePoint(100, 10), new CurvePoint(10_000, 1_000), new CurvePoint(1_000_000, 100_000)))));
		List<double[]> circles = circles(parse(new SvgChart(curve, "").render()));
		double firstStep = circles.get(1)[0] - circles.get(0)[0];
		double secondStep = circles.get(2)[0] - circles.get(1)[0];
		assertThat(firstStep).isPositive();
		assertThat(secondStep).isCloseTo(firstStep, within(0.2));
		// log y too: each point a hundred times the last, equally far up
		double firstRise = circles.get(0)[1] - circles.get(1)[1];
		double secondRise = circles.get(1)[1] - circles.get(2)[1];
		assertThat(firstRise).isPositive();
		assertThat(secondRise).isCloseTo(firstRise, within(0.2));
	}

	@Test
	void pointsThatCannotBeDrawnAreLeftOut() throws Exception {
		Curve curve = new Curve("c", "t", BYTES, "p99 µs", true, List.of(new Series("a",
				List.of(new CurvePoint(100, Double.NaN), new CurvePoint(1000, 0), new CurvePoint(10_000, 5)))));
		assertThat(circles(parse(new SvgChart(curve, "").render()))).hasSize(1);
	}

	static Document parse(String svg) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
	}

	private static List<String> texts(Document svg) {
		List<String> texts = new ArrayList<>();
		NodeList nodes = svg.getElementsByTagName("text");
		for (int i = 0; i < nodes.getLength(); i++) {
			texts.add(nodes.item(i).getTextContent());
		}
		return texts;
	}

	private static List<double[]> circles(Document svg) {
		List<double[]> circles = new ArrayList<>();
		NodeList nodes = svg.getElementsByTagName("circle");
		for (int i = 0; i < nodes.getLength(); i++) {
			Element circle = (Element) nodes.item(i);
			circles.add(new double[] { Double.parseDouble(circle.getAttribute("cx")),
					Double.parseDouble(circle.getAttribute("cy")) });
		}
		return circles;
	}

}
