package dev.comm.benchmarks.curves;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Runs the scale curves a run includes, one after another, each subject alone: prints and
 * returns their tables, and writes their charts when asked to.
 */
public final class CurveRunner {

	/**
	 * The first argument with which the benchmark's main class runs the idle-link
	 * clients.
	 */
	public static final String IDLE_LINK_CLIENTS = "idle-link-clients";

	/**
	 * The curves' names, in the order they run; {@code --only} picks among them. The idle
	 * links come first, while this JVM's heap and resident set are still those of a fresh
	 * process, so that what the links add stands out.
	 */
	public static final List<String> NAMES = List.of(IdleLinksCurve.NAME, PayloadCurve.NAME, PeersCurve.NAME,
			FanOutCurve.NAME);

	private static final List<String> IDLE_KINDS = List.of("comm", "rsocket", "netty");

	private CurveRunner() {
	}

	/**
	 * Run the included curves.
	 * @param options the curves' options
	 * @param includes which curves, by name, to run
	 * @param subtitle the line under each chart's title: date, JDK, machine
	 * @return the curves' reports, in order
	 * @throws Exception if a subject fails
	 */
	public static List<CurveReport> run(CurveOptions options, Predicate<String> includes, String subtitle)
			throws Exception {
		List<CurveReport> reports = new ArrayList<>();
		for (String name : NAMES) {
			if (!includes.test(name)) {
				continue;
			}
			System.out.println(name + " (" + options + ")");
			long start = System.nanoTime();
			CurveReport report = switch (name) {
				case PayloadCurve.NAME ->
					new PayloadCurve(PayloadCurve.SIZES, PayloadCurve.OUTSTANDING, Stacks.ALL).run(options);
				case PeersCurve.NAME -> new PeersCurve(PeersCurve.PEERS, Stacks.ALL).run(options);
				case FanOutCurve.NAME -> new FanOutCurve(FanOutCurve.FAN_OUTS).run(options);
				default -> new IdleLinksCurve(options.idleLinks(), IDLE_KINDS).run();
			};
			System.out.printf("  %s took %.0f s%n", name, (System.nanoTime() - start) / 1e9);
			reports.add(report);
			if (options.charts() != null) {
				write(report, options.charts(), subtitle);
			}
		}
		return reports;
	}

	/**
	 * Write a report's charts, one SVG file per chart.
	 * @param report the report
	 * @param directory where, created if missing
	 * @param subtitle the line under each title
	 * @return the files written
	 * @throws IOException if one cannot be written
	 */
	static List<Path> write(CurveReport report, Path directory, String subtitle) throws IOException {
		Files.createDirectories(directory);
		List<Path> written = new ArrayList<>();
		for (Curve chart : report.charts()) {
			Path file = directory.resolve(chart.file() + ".svg");
			Files.writeString(file, new SvgChart(chart, subtitle).render());
			written.add(file);
			System.out.println("  chart " + file.toAbsolutePath());
		}
		return written;
	}

	/**
	 * The reports as Markdown: a heading and a table per curve.
	 * @param reports the reports
	 * @return the text, empty for none
	 */
	public static String render(List<CurveReport> reports) {
		StringBuilder out = new StringBuilder();
		for (CurveReport report : reports) {
			out.append("\n## ").append(report.name()).append("\n\n").append(report.table());
		}
		return out.toString();
	}

}
