package dev.comm.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.springframework.boot.system.ApplicationHome;

/**
 * Runs every case in one process, prints one table and writes it to a file. Each case is
 * warmed up, then measured in several iterations whose median is reported.
 */
public final class BenchmarkMain {

	private BenchmarkMain() {
	}

	public static void main(String[] args) throws Exception {
		BenchmarkOptions options = BenchmarkOptions.parse(args);
		System.out.println("Payload: " + Quote.sampleSize() + " bytes of JSON; " + options);
		List<Result> results = new ArrayList<>();
		try (CommSubjects comm = new CommSubjects()) {
			for (Subject subject : comm.subjects()) {
				measure(subject, options, results);
			}
		}
		measure(SpringRSocketSubject::new, options, results);
		measure(RawRSocketSubject::new, options, results);
		measure(GrpcSubject::new, options, results);
		measure(NettyEchoSubject::new, options, results);
		String report = String.join("\n", ResultTable.header(options)) + "\n\n" + new ResultTable(results).render();
		System.out.println();
		System.out.println(report);
		Path out = (options.out() != null) ? options.out() : defaultOut();
		Files.writeString(out, report);
		System.out.println("Written to " + out.toAbsolutePath());
		System.exit(0);
	}

	private static void measure(Callable<Subject> factory, BenchmarkOptions options, List<Result> results)
			throws Exception {
		try (Subject subject = factory.call()) {
			measure(subject, options, results);
		}
	}

	private static void measure(Subject subject, BenchmarkOptions options, List<Result> results) {
		if (!options.includes(subject.name())) {
			return;
		}
		RequestDriver requests = new RequestDriver();
		ThrowDriver throwsDriver = new ThrowDriver();
		for (Shape shape : Shape.values()) {
			if (!subject.shapes().contains(shape)) {
				continue;
			}
			System.out.printf("%-16s %-26s", subject.name(), shape.label());
			run(subject, shape, options.warmup(), requests, throwsDriver);
			List<Sample> samples = new ArrayList<>();
			for (int i = 0; i < options.iterations(); i++) {
				Sample sample = run(subject, shape, options.duration(), requests, throwsDriver);
				samples.add(sample);
				System.out.printf(" %,.0f/s", sample.opsPerSecond());
			}
			System.out.println();
			results.add(new Result(subject.name(), subject.family(), shape, samples));
		}
	}

	private static Sample run(Subject subject, Shape shape, java.time.Duration duration, RequestDriver requests,
			ThrowDriver throwsDriver) {
		return switch (shape) {
			case LATENCY -> requests.run(subject, 1, duration);
			case THROUGHPUT -> requests.run(subject, Shape.OUTSTANDING, duration);
			case THROWS -> throwsDriver.run(subject, duration);
		};
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
