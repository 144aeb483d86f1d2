package dev.comm.benchmarks.streams;

import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * One item of every stream: a small record, converted to JSON by the server and back by
 * the caller in every case, so that each transport carries the same bytes and pays for
 * the same conversions.
 *
 * @param sequence the item's place in its stream
 * @param price a price that changes with each item
 */
public record Tick(long sequence, double price) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final ObjectWriter WRITER = JSON.writerFor(Tick.class);

	private static final ObjectReader READER = JSON.readerFor(Tick.class);

	/**
	 * The item at a place in a stream.
	 * @param sequence the place
	 * @return the item
	 */
	public static Tick at(long sequence) {
		return new Tick(sequence, 100 + (sequence % 1000) / 100.0);
	}

	static byte[] toJson(Tick tick) {
		return WRITER.writeValueAsBytes(tick);
	}

	static Tick fromJson(byte[] json) {
		return READER.readValue(json);
	}

}
