package dev.comm.protocol;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON values as JSON compares them: a number is its value, whichever Java type a reader
 * chose for it ({@code 22288e0} and {@code 22288} are one number).
 */
final class JsonValues {

	private JsonValues() {
	}

	static Object normalized(Object value) {
		if (value instanceof Number number) {
			return new BigDecimal(number.toString()).stripTrailingZeros();
		}
		if (value instanceof Map<?, ?> object) {
			Map<Object, Object> copy = new LinkedHashMap<>();
			object.forEach((key, item) -> copy.put(key, normalized(item)));
			return copy;
		}
		if (value instanceof List<?> array) {
			return array.stream().map(JsonValues::normalized).toList();
		}
		return value;
	}

}
