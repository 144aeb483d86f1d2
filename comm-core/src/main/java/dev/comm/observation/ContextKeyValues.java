package dev.comm.observation;

import java.util.Iterator;
import java.util.Objects;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

/**
 * The key values of one comm observation context. Micrometer's own context keeps them in
 * two concurrent maps, filled key by key when the observation starts and again when it
 * stops, and sorted into a new {@link KeyValues} each time a handler asks: at tens of
 * thousands of calls a second that was most of what a context cost. comm's conventions
 * hand over their key values as one sorted {@link KeyValues}, cached across calls, so
 * this keeps that one as it is when it holds every key already here, and merges
 * otherwise.
 */
final class ContextKeyValues {

	// written under the lock, read without it: each value is an immutable KeyValues, and
	// a handler reads them far more often than a convention writes them
	private volatile KeyValues low = KeyValues.empty();

	private volatile KeyValues high = KeyValues.empty();

	synchronized void addLow(KeyValues values) {
		this.low = merged(this.low, values);
	}

	synchronized void addHigh(KeyValues values) {
		this.high = merged(this.high, values);
	}

	synchronized void removeLow(String... keys) {
		this.low = without(this.low, keys);
	}

	synchronized void removeHigh(String... keys) {
		this.high = without(this.high, keys);
	}

	KeyValues low() {
		return this.low;
	}

	KeyValues high() {
		return this.high;
	}

	KeyValue low(String key) {
		return find(this.low, key);
	}

	KeyValue high(String key) {
		return find(this.high, key);
	}

	KeyValues all() {
		return this.low.and(this.high);
	}

	private static KeyValues merged(KeyValues current, KeyValues added) {
		if (current == added || !current.iterator().hasNext()) {
			return added;
		}
		return coversKeysOf(added, current) ? added : current.and(added);
	}

	/**
	 * Whether {@code values} has a value for every key of {@code keys}: then adding it
	 * replaces each of them, and the result is {@code values} itself. Both are sorted by
	 * key, so one pass tells.
	 */
	private static boolean coversKeysOf(KeyValues values, KeyValues keys) {
		Iterator<KeyValue> candidates = values.iterator();
		for (KeyValue wanted : keys) {
			boolean found = false;
			while (!found && candidates.hasNext()) {
				String key = candidates.next().getKey();
				// the conventions' keys are constants: the same instances on both sides
				int order = (key == wanted.getKey()) ? 0 : key.compareTo(wanted.getKey());
				if (order > 0) {
					return false;
				}
				found = order == 0;
			}
			if (!found) {
				return false;
			}
		}
		return true;
	}

	private static KeyValues without(KeyValues values, String... keys) {
		KeyValues kept = KeyValues.empty();
		for (KeyValue keyValue : values) {
			boolean removed = false;
			for (String key : keys) {
				removed |= keyValue.getKey().equals(key);
			}
			if (!removed) {
				kept = kept.and(keyValue);
			}
		}
		return kept;
	}

	private static KeyValue find(KeyValues values, String key) {
		for (KeyValue keyValue : values) {
			if (Objects.equals(keyValue.getKey(), key)) {
				return keyValue;
			}
		}
		return null;
	}

}
