package dev.comm.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

import dev.comm.benchmarks.curves.CurveOptions;

/**
 * Command-line options: {@code --warmup=4s --iterations=5 --duration=2s --only=comm
 * --out=results.md}.
 *
 * @param warmup how long each case runs before it is measured
 * @param iterations measured iterations per case
 * @param duration how long each iteration runs
 * @param only comma-separated patterns: run only the cases whose name (such as "comm tcp
 * request, 256 outstanding") contains every word of one of them (for profiling, or to
 * compare a few cases), or {@code null} for all
 * @param out the file the results are written to, or {@code null} for the default
 * @param curves the scale curves' options ({@code --curve-warmup} and the like); the
 * curves are named "curve payload", "curve peers", "curve fan-out" and "curve idle
 * links", so {@code --only=curve} runs them all and no case
 * @param streamItems how many items each measured stream carries
 */
record BenchmarkOptions(Duration warmup, int iterations, Duration duration, String only, Path out, CurveOptions curves,
		int streamItems) {

	static BenchmarkOptions parse(String... args) {
		Duration warmup = Duration.ofSeconds(4);
		int iterations = 5;
		Duration duration = Duration.ofSeconds(2);
		String only = null;
		Path out = null;
		CurveOptions curves = CurveOptions.DEFAULTS;
		int streamItems = 1_000_000;
		for (String arg : args) {
			String[] pair = arg.split("=", 2);
			if (pair.length != 2) {
				throw new IllegalArgumentException("Options look like --name=value, not " + arg);
			}
			switch (pair[0]) {
				case "--warmup" -> warmup = seconds(pair[1]);
				case "--iterations" -> iterations = Integer.parseInt(pair[1]);
				case "--duration" -> duration = seconds(pair[1]);
				case "--only" -> only = pair[1];
				case "--out" -> out = Path.of(pair[1]);
				case "--stream-items" -> streamItems = Integer.parseInt(pair[1]);
				default -> {
					if (!CurveOptions.NAMES.contains(pair[0])) {
						throw new IllegalArgumentException("Unknown option " + pair[0]
								+ "; known: --warmup, --iterations, --duration, --only, --out, --stream-items, "
								+ String.join(", ", CurveOptions.NAMES));
					}
					curves = curves.with(pair[0], pair[1]);
				}
			}
		}
		if (iterations < 1) {
			throw new IllegalArgumentException("--iterations must be at least 1");
		}
		if (streamItems < 1) {
			throw new IllegalArgumentException("--stream-items must be at least 1");
		}
		return new BenchmarkOptions(warmup, iterations, duration, only, out, curves, streamItems);
	}

	private static Duration seconds(String value) {
		return CurveOptions.seconds(value);
	}

	boolean includes(String caseName) {
		if (this.only == null) {
			return true;
		}
		String name = caseName.toLowerCase(Locale.ROOT);
		for (String pattern : this.only.toLowerCase(Locale.ROOT).split(",")) {
			if (!pattern.isBlank() && Arrays.stream(pattern.strip().split("\\s+")).allMatch(name::contains)) {
				return true;
			}
		}
		return false;
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "warm-up %.1f s, %d iterations of %.1f s per case%s",
				this.warmup.toMillis() / 1000.0, this.iterations, this.duration.toMillis() / 1000.0,
				(this.only != null) ? ", only '" + this.only + "'" : "");
	}

}
