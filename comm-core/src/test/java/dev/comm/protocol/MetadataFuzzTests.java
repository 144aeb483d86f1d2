package dev.comm.protocol;

import java.util.LinkedHashMap;
import java.util.Map;

import com.code_intelligence.jazzer.junit.FuzzTest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any bytes as message metadata either fail with a {@link ProtocolException} or give
 * metadata that Jackson, reading the same bytes on its own, agrees with; the fast reader
 * of the common shape must never disagree with the general one.
 */
class MetadataFuzzTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@SuppressWarnings("unchecked")
	private static Map<String, Object> read(byte[] json) {
		return JSON.readValue(json, LinkedHashMap.class);
	}

	@FuzzTest(maxDuration = "10s")
	void anyMetadataDecodesAsJacksonReadsItOrFailsAsAProtocolError(byte[] json) {
		Metadata metadata;
		try {
			metadata = FrameCodec.decodeMessage(json, new byte[0]).metadata();
		}
		catch (ProtocolException ex) {
			return;
		}
		Map<String, Object> fields;
		try {
			fields = read(json);
		}
		catch (JacksonException ex) {
			throw new AssertionError("Decoded metadata that Jackson cannot read: " + metadata, ex);
		}
		assertThat(fields.get("id")).isEqualTo(metadata.id());
		assertThat(((Number) fields.get("type")).intValue()).isEqualTo(metadata.type());
		assertThat(fields.get("route")).isEqualTo(metadata.route());
		assertThat(metadata.extra().keySet()).allSatisfy((key) -> assertThat(fields).containsKey(key));
		// what comm writes back in a response reads as the same metadata: a number may
		// change its Java type (22288e0 is written 22288), never its value
		Metadata response = metadata.responseOf(MessageType.RESPONSE_OK);
		byte[] body = FrameCodec.encodeBody(new MessageFrame(response, new byte[0]), 0);
		Metadata again = ((MessageFrame) FrameCodec.decodeBody(body, 0, body.length)).metadata();
		assertThat(again.id()).isEqualTo(response.id());
		assertThat(again.type()).isEqualTo(response.type());
		assertThat(again.route()).isEqualTo(response.route());
		assertThat(JsonValues.normalized(again.extra())).isEqualTo(JsonValues.normalized(response.extra()));
	}

}
