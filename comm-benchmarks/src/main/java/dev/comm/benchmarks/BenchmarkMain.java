package dev.comm.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.time.Duration;

import org.springframework.boot.system.ApplicationHome;

import dev.comm.benchmarks.curves.CurveReport;
import dev.comm.benchmarks.curves.CurveRunner;
import dev.comm.benchmarks.curves.IdleLinkClients;
import dev.comm.benchmarks.streams.StreamCases;

/**
 * Runs every case in one process, prints one table and writes it to a file. Each case is
 * warmed up, then measured in several iterations whose median is reported.
 */
public final class BenchmarkMain {

	private BenchmarkMain() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length > 0 && args[0].equals(CurveRunner.IDLE_LINK_CLIENTS)) {
			// the child JVM of the idle-links curve, started from the executable jar
			IdleLinkClients.main(java.util.Arrays.copyOfRange(args, 1, args.length));
			return;
		}
		BenchmarkOptions options = BenchmarkOptions.parse(args);
		System.out.println("Payload: " + Quote.sampleSize() + " bytes of JSON; " + options);
		long started = System.nanoTime();
		List<String> header = ResultTable.header(options);
		String subtitle = java.time.LocalDate.now(java.time.ZoneOffset.UTC) + ", JDK " + Runtime.version() + ", "
				+ Machine.describe();
		// the curves first: the idle links' memory is measured best in a process that has
		// done nothing yet
		List<CurveReport> curves = CurveRunner.run(options.curves(), options::includes, subtitle);
		List<Result> results = casesIncluded(options) ? measureCases(options) : List.of();
		// at most three rounds: a stream of a million items through gRPC takes seconds
		String streams = StreamCases.run(options::includes, options.streamItems(), Math.min(3, options.iterations()),
				options.warmup());
		String report = String.join("\n", header) + "\n"
				+ (results.isEmpty() ? "" : "\n" + new ResultTable(results).render())
				+ (streams.isEmpty() ? "" : "\nStreams:\n\n" + streams) + CurveRunner.render(curves)
				+ String.format(java.util.Locale.ROOT, "%nThe run took %.0f s.%n", (System.nanoTime() - started) / 1e9);
		System.out.println();
		System.out.println(report);
		Path out = (options.out() != null) ? options.out() : defaultOut();
		Files.writeString(out, report);
		System.out.println("Written to " + out.toAbsolutePath());
		System.exit(0);
	}

	/**
	 * Whether any case may be included: not when every pattern of {@code --only} names a
	 * curve or a stream, so that a run of those alone does not start the cases' subjects.
	 */
	private static boolean casesIncluded(BenchmarkOptions options) {
		return options.only() == null
				|| java.util.Arrays.stream(options.only().toLowerCase(java.util.Locale.ROOT).split(","))
					.anyMatch((pattern) -> !pattern.contains("curve") && !pattern.contains("stream"));
	}

	private static List<Result> measureCases(BenchmarkOptions options) throws Exception {
		List<Result> results;
		try (CommSubjects comm = new CommSubjects();
				ObservedCommSubjects observed = new ObservedCommSubjects();
				Subjects subjects = new Subjects()) {
			comm.subjects().forEach(subjects::add);
			subjects.add(observed.subject());
			subjects.add(new SpringRSocketSubject());
			subjects.add(new RawRSocketSubject());
			subjects.add(new GrpcSubject());
			subjects.add(new NettyEchoSubject());
			subjects.add(new JsonAloneSubject());
			results = measure(subjects.cases(options), options);
		}
		return results;
	}

	/**
	 * Warm every case up, then measure in rounds, one iteration of every case per round:
	 * the machine's load changes over a run (it is often shared), and interleaving
	 * spreads those changes over all cases instead of favouring whichever ran in a quiet
	 * minute, so the ratios of one run stay fair.
	 */
	private static List<Result> measure(List<Case> cases, BenchmarkOptions options) {
		RequestDriver requests = new RequestDriver();
		ThrowDriver throwsDriver = new ThrowDriver();
		for (Case each : cases) {
			System.out.printf("warm-up %s, %s%n", each.subject().name(), each.shape().label());
			run(each, options.warmup(), requests, throwsDriver);
		}
		Map<Case, List<Sample>> samples = new LinkedHashMap<>();
		for (int round = 1; round <= options.iterations(); round++) {
			System.out.printf("round %d of %d%n", round, options.iterations());
			for (Case each : cases) {
				Sample sample = run(each, options.duration(), requests, throwsDriver);
				samples.computeIfAbsent(each, (key) -> new ArrayList<>()).add(sample);
				System.out.printf("  %-16s %-26s %,12.0f/s%n", each.subject().name(), each.shape().label(),
						sample.opsPerSecond());
			}
		}
		List<Result> results = new ArrayList<>();
		samples.forEach((each, measured) -> results
			.add(new Result(each.subject().name(), each.subject().family(), each.shape(), measured)));
		return results;
	}

	private static Sample run(Case each, Duration duration, RequestDriver requests, ThrowDriver throwsDriver) {
		long allocatedBefore = Allocations.total();
		Sample sample = switch (each.shape()) {
			case LATENCY -> requests.run(each.subject(), 1, duration);
			case THROUGHPUT -> requests.run(each.subject(), Shape.OUTSTANDING, duration);
			case THROWS -> each.subject().measureThrows(throwsDriver, duration);
		};
		double operations = sample.opsPerSecond() * duration.toNanos() / 1e9;
		if (allocatedBefore < 0 || operations < 1 || !Double.isNaN(sample.bytesPerOp())) {
			return sample;
		}
		return sample.withBytesPerOp((Allocations.total() - allocatedBefore) / operations);
	}

	private static Path defaultOut() throws IOException {
		// next to the jar: target/ when run as the README says
		Path directory = new ApplicationHome(BenchmarkMain.class).getDir().toPath();
		if (!Files.isWritable(directory)) {
			directory = Path.of(".");
		}
		String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
		return directory.resolve("benchmark-results-" + stamp + ".md");
	}

}
