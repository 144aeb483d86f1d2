package dev.comm.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metadata fast path must be invisible: the same bytes as Jackson writes for the same
 * map, and the same metadata as the general path reads, or no answer at all.
 */
class MetadataJsonTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@ParameterizedTest
	@ValueSource(strings = { "orders.create", "", "a/b c:d{e}[f]~", "x" })
	void writesTheBytesJacksonWritesForTheSameMap(String route) {
		for (String id : new String[] { "", "4c8ef020e57c11f1be1b02fc00000001" }) {
			for (int type : new int[] { MessageType.REQUEST, MessageType.THROW, MessageType.RESPONSE_OK, -7, 0, 10,
					Integer.MAX_VALUE, Integer.MIN_VALUE }) {
				Metadata metadata = Metadata.of(id, type, route);
				assertThat(fast(metadata)).isEqualTo(jackson(metadata));
				assertThat(fast(Metadata.of(id, type, null))).isEqualTo(jackson(Metadata.of(id, type, null)));
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "quote\"d", "back\\slash", "tab\there", "caf\u00e9", "line\nbreak" })
	void leavesStringsThatNeedEscapingToJackson(String route) {
		assertThat(fast(Metadata.of("id", 1, route))).isNull();
		assertThat(fast(Metadata.of(route, 1, "r"))).isNull();
	}

	@Test
	void leavesExtraKeysToJackson() {
		assertThat(fast(new Metadata("id", 1, "r", Map.of("trace", "t")))).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"id\":\"abc\",\"type\":1,\"route\":\"r.x\"}", "{\"id\": \"abc\", \"type\": 1}",
			" { \"type\" : 11 ,\n\"id\":\"\" } ", "{\"route\":\"r\",\"type\":-0,\"id\":\"q\"}",
			"{\"id\":\"abc\",\"type\":123456789}" })
	void readsWhatTheGeneralPathReads(String json) {
		Metadata fast = MetadataJson.decode(bytes(json), 0, json.length());
		assertThat(fast).isNotNull().isEqualTo(general(json));
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"id\":\"a\\\"b\",\"type\":1}", "{\"id\":\"abc\",\"type\":1.0}",
			"{\"id\":\"abc\",\"type\":1e2}", "{\"id\":\"abc\",\"type\":01}", "{\"id\":\"abc\",\"type\":1234567890}",
			"{\"id\":\"abc\",\"type\":1,\"trace\":\"t\"}", "{\"id\":\"abc\",\"type\":1,\"id\":\"x\"}",
			"{\"id\":\"abc\",\"type\":1,\"route\":null}", "{\"id\":\"abc\",\"type\":\"1\"}", "{\"id\":\"abc\"}",
			"{\"type\":1}", "{\"id\":\"abc\",\"type\":1", "{\"id\":\"abc\",\"type\":1}x", "[1]", "",
			"{\"id\":\"caf\u00e9\",\"type\":1}", "{\"id\":\"abc\",,\"type\":1}", "{}", "{\"id\":\"abc\",\"type\":-}",
			"{\"identity\":\"abc\",\"type\":1}", "{\"i\":\"abc\",\"type\":1}", "{\"\\u0069d\":\"abc\",\"type\":1}",
			"{\"id\":\"abc\",\"typ", "{\"ro" })
	void leavesEverythingElseToTheGeneralPath(String json) {
		byte[] bytes = bytes(json);
		assertThat(MetadataJson.decode(bytes, 0, bytes.length)).isNull();
	}

	@Test
	void readsOnlyWithinItsRange() {
		byte[] bytes = bytes("xx{\"id\":\"abc\",\"type\":1}yy");
		assertThat(MetadataJson.decode(bytes, 2, bytes.length - 4)).isEqualTo(Metadata.of("abc", 1, null));
		assertThat(MetadataJson.decode(bytes, 2, bytes.length - 5)).isNull();
	}

	/** What the frame codec writes in place, as an array of its own. */
	private static byte[] fast(Metadata metadata) {
		int size = MetadataJson.size(metadata);
		if (size < 0) {
			return null;
		}
		byte[] bytes = new byte[size + 2];
		MetadataJson.write(metadata, bytes, 1);
		// exactly within its size, at its offset
		assertThat(bytes[0]).isZero();
		assertThat(bytes[bytes.length - 1]).isZero();
		return Arrays.copyOfRange(bytes, 1, bytes.length - 1);
	}

	private static byte[] jackson(Metadata metadata) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("id", metadata.id());
		fields.put("type", metadata.type());
		if (metadata.route() != null) {
			fields.put("route", metadata.route());
		}
		return JSON.writeValueAsBytes(fields);
	}

	private static Metadata general(String json) {
		@SuppressWarnings("unchecked")
		Map<String, Object> fields = JSON.readValue(json, LinkedHashMap.class);
		return new Metadata((String) fields.get("id"), ((Number) fields.get("type")).intValue(),
				(String) fields.get("route"), Map.of());
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
