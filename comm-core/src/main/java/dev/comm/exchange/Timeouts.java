package dev.comm.exchange;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Timeouts as annotations write them: {@code 500ms}, {@code 2s}, {@code 1m}, {@code 1h},
 * or ISO-8601 such as {@code PT2S}, the forms Spring Boot's properties accept.
 */
final class Timeouts {

	private Timeouts() {
	}

	static Duration parse(String text) {
		String value = text.trim().toLowerCase(Locale.ROOT);
		Duration duration = value.startsWith("pt") ? iso(text.trim()) : simple(value);
		if (duration.isZero() || duration.isNegative()) {
			throw new IllegalArgumentException("a timeout must be positive");
		}
		return duration;
	}

	private static Duration iso(String text) {
		try {
			return Duration.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("not an ISO-8601 duration");
		}
	}

	private static Duration simple(String value) {
		int unitStart = 0;
		while (unitStart < value.length() && Character.isDigit(value.charAt(unitStart))) {
			unitStart++;
		}
		if (unitStart == 0 || unitStart > 18) {
			throw new IllegalArgumentException("write a number and a unit (ms, s, m, h), such as 2s");
		}
		long amount = Long.parseLong(value.substring(0, unitStart));
		return switch (value.substring(unitStart)) {
			case "ms" -> Duration.ofMillis(amount);
			case "s" -> Duration.ofSeconds(amount);
			case "m" -> Duration.ofMinutes(amount);
			case "h" -> Duration.ofHours(amount);
			default -> throw new IllegalArgumentException("write a number and a unit (ms, s, m, h), such as 2s");
		};
	}

}
