package dev.comm.codec;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.comm.client.ReplyType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class JacksonPayloadCodecTests {

	private final JacksonPayloadCodec codec = new JacksonPayloadCodec();

	@Test
	void convertsTheSameWayOnEveryCallOfAType() {
		for (int i = 0; i < 3; i++) {
			byte[] json = this.codec.encode(new Point(i, 2));
			assertThat(new String(json, StandardCharsets.UTF_8)).isEqualTo("{\"x\":" + i + ",\"y\":2}");
			assertThat(this.codec.decode(json, Point.class)).isEqualTo(new Point(i, 2));
		}
	}

	@Test
	void genericTypesKeepTheirElementType() {
		byte[] json = this.codec.encode(List.of(new Point(1, 2)));
		Object decoded = this.codec.decode(json, new ReplyType<List<Point>>() {
		}.getType());
		assertThat(decoded).isEqualTo(List.of(new Point(1, 2)));
	}

	@Test
	void nullAndAnEmptyPayloadAreNull() {
		assertThat(this.codec.encode(null)).asString(StandardCharsets.UTF_8).isEqualTo("null");
		assertThat(this.codec.decode(new byte[0], Point.class)).isNull();
	}

	@Test
	void aPayloadThatDoesNotConvertNamesTheTargetType() {
		assertThatExceptionOfType(PayloadConversionException.class)
			.isThrownBy(
					() -> this.codec.decode("{\"x\":\"not a number\"}".getBytes(StandardCharsets.UTF_8), Point.class))
			.withMessageContaining("Point");
	}

	record Point(int x, int y) {
	}

}
