package dev.comm.benchmarks.curves;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The scale curves' options: {@code --curve-warmup=1s --curve-iterations=3
 * --curve-duration=1s --idle-links=10000,50000 --charts=DIR}.
 *
 * @param warmup how long each point runs before it is measured
 * @param iterations measured iterations per point, whose median is reported
 * @param duration how long each iteration runs
 * @param idleLinks the numbers of idle links to open, each measured on its own
 * @param charts the directory the SVG charts are written to, or {@code null} for none
 */
public record CurveOptions(Duration warmup, int iterations, Duration duration, List<Integer> idleLinks, Path charts) {

	/** The options' names, for a parser's message. */
	public static final List<String> NAMES = List.of("--curve-warmup", "--curve-iterations", "--curve-duration",
			"--idle-links", "--charts");

	/**
	 * Short enough that the curves and the cases together fit in 15 minutes on 2 cores.
	 */
	public static final CurveOptions DEFAULTS = new CurveOptions(Duration.ofMillis(500), 3, Duration.ofSeconds(1),
			List.of(10_000, 50_000), null);

	public CurveOptions {
		idleLinks = List.copyOf(idleLinks);
		if (iterations < 1) {
			throw new IllegalArgumentException("--curve-iterations must be at least 1");
		}
		if (idleLinks.stream().anyMatch((links) -> links < 1)) {
			throw new IllegalArgumentException("--idle-links takes positive numbers, not " + idleLinks);
		}
	}

	/**
	 * These options with one more option applied.
	 * @param name the option's name, one of {@link #NAMES}
	 * @param value its value
	 * @return the changed options
	 * @throws IllegalArgumentException for a name that is not a curve option
	 */
	public CurveOptions with(String name, String value) {
		return switch (name) {
			case "--curve-warmup" ->
				new CurveOptions(seconds(value), this.iterations, this.duration, this.idleLinks, this.charts);
			case "--curve-iterations" ->
				new CurveOptions(this.warmup, Integer.parseInt(value), this.duration, this.idleLinks, this.charts);
			case "--curve-duration" ->
				new CurveOptions(this.warmup, this.iterations, seconds(value), this.idleLinks, this.charts);
			case "--idle-links" -> new CurveOptions(this.warmup, this.iterations, this.duration,
					Arrays.stream(value.split(","))
						.map(String::strip)
						.filter((each) -> !each.isEmpty())
						.map((each) -> Integer.parseInt(each.replace("_", "")))
						.toList(),
					this.charts);
			case "--charts" ->
				new CurveOptions(this.warmup, this.iterations, this.duration, this.idleLinks, Path.of(value));
			default -> throw new IllegalArgumentException("Not a curve option: " + name);
		};
	}

	/**
	 * A duration such as {@code 2s}, {@code 0.5s} or {@code 2}, in seconds.
	 * @param value the text
	 * @return the duration
	 */
	public static Duration seconds(String value) {
		String number = value.toLowerCase(Locale.ROOT).endsWith("s") ? value.substring(0, value.length() - 1) : value;
		return Duration.ofMillis(Math.round(Double.parseDouble(number) * 1000));
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "curves: warm-up %.1f s, %d iterations of %.1f s per point, idle links %s",
				this.warmup.toMillis() / 1000.0, this.iterations, this.duration.toMillis() / 1000.0, this.idleLinks);
	}

}
