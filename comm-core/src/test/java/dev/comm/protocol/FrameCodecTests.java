package dev.comm.protocol;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The codec against byte captures of two unmodified communica 0.4.2 processes. communica
 * writes JSON with stdlib spacing ({@code {"id": "x", "type": 1}}) or compact (with
 * orjson) and reads both; comm writes the compact form, so encoding is checked against
 * the capture with only the JSON's spaces removed and the lengths that follow from that.
 */
class FrameCodecTests {

	private static final HexFormat HEX = HexFormat.ofDelimiter(" ");

	/** communica client hello for client id "cli-1", terminator included. */
	private static final byte[] CLIENT_HELLO = HEX
		.parseHex("7b 22 63 6c 69 65 6e 74 5f 69 64 22 3a 20 22 63 6c 69 2d 31 22 7d 00");

	/** communica server hello, terminator included. */
	private static final byte[] SERVER_HELLO = HEX.parseHex("7b 22 68 65 6c 6c 6f 22 3a 20 22 68 65 6c 6c 6f 22 7d 00");

	private static final String REQUEST_ID = "4c8ef020e57c11f1be1b02fc00000001";

	/** communica request with payload "hi", length prefix included. */
	private static final byte[] REQUEST = bytes(HEX.parseHex("00 00 00 3e 0a 00 00 00 39"),
			ascii("{\"id\": \"" + REQUEST_ID + "\", \"type\": 1}"), HEX.parseHex("22 68 69 22"));

	/** communica throw, length prefix included. */
	private static final byte[] THROW = bytes(HEX.parseHex("00 00 00 33 0a 00 00 00 19"),
			ascii("{\"id\": \"\", \"type\": 2}"), ascii("{\"kind\": \"throw\", \"n\": 1}"));

	@Test
	void capturedClientHelloDecodesToItsClientId() {
		assertThat(CLIENT_HELLO[CLIENT_HELLO.length - 1]).isEqualTo(FrameCodec.HELLO_END);
		Hello hello = FrameCodec.decodeHello(CLIENT_HELLO, 0, CLIENT_HELLO.length - 1);
		assertThat(hello.clientId()).isEqualTo("cli-1");
		assertThat(hello.fields()).containsOnlyKeys("client_id");
		assertThat(hello.isComm()).isFalse();
		assertThat(hello.features()).isEmpty();
	}

	@Test
	void clientHelloForCli1EncodesAsTheCaptureWithoutSpaces() {
		byte[] encoded = FrameCodec.encodeForStream(new Hello(Map.of("client_id", "cli-1")));
		assertThat(encoded).isEqualTo(withoutJsonSpaces(CLIENT_HELLO));
		assertThat(HEX.formatHex(encoded))
			.isEqualTo("7b 22 63 6c 69 65 6e 74 5f 69 64 22 3a 22 63 6c 69 2d 31 22 7d 00");
	}

	@Test
	void capturedServerHelloDecodesAndIdentifiesNoClient() {
		Hello hello = FrameCodec.decodeHello(SERVER_HELLO, 0, SERVER_HELLO.length - 1);
		assertThat(hello.fields()).containsExactly(Map.entry("hello", "hello"));
		assertThat(hello.clientId()).isNull();
	}

	@Test
	void commHelloAnnouncesItselfInAKeyCommunicaIgnoresAndStaysFreeOfTerminators() {
		byte[] encoded = FrameCodec.encodeForStream(Hello.client("cli-1", Set.of(Features.HEARTBEAT)));
		int terminator = indexOf(encoded, FrameCodec.HELLO_END);
		assertThat(terminator).isEqualTo(encoded.length - 1);
		assertThat(indexOf(encoded, FrameCodec.REFUSAL_START)).isEqualTo(-1);
		Hello decoded = FrameCodec.decodeHello(encoded, 0, terminator);
		assertThat(decoded.clientId()).isEqualTo("cli-1");
		assertThat(decoded.isComm()).isTrue();
		assertThat(decoded.features()).containsExactly(Features.HEARTBEAT);
	}

	@Test
	void helloJsonEscapesControlCharactersSoNoTerminatorCanAppearInside() {
		byte[] encoded = FrameCodec.encodeForStream(new Hello(Map.of("client_id", "a\u0000b\u0004c")));
		assertThat(indexOf(encoded, FrameCodec.HELLO_END)).isEqualTo(encoded.length - 1);
		assertThat(indexOf(encoded, FrameCodec.REFUSAL_START)).isEqualTo(-1);
		assertThat(FrameCodec.decodeHello(encoded, 0, encoded.length - 1).clientId()).isEqualTo("a\u0000b\u0004c");
	}

	@Test
	void capturedRequestDecodesToItsMetadataAndPayload() {
		assertThat(FrameCodec.readUnsignedInt(REQUEST, 0)).isEqualTo(REQUEST.length - FrameCodec.LENGTH_PREFIX);
		Frame frame = FrameCodec.decodeBody(REQUEST, FrameCodec.LENGTH_PREFIX,
				REQUEST.length - FrameCodec.LENGTH_PREFIX);
		assertThat(frame).isInstanceOfSatisfying(MessageFrame.class, (message) -> {
			assertThat(message.metadata()).isEqualTo(Metadata.of(REQUEST_ID, MessageType.REQUEST, null));
			assertThat(message.payload()).asString(StandardCharsets.UTF_8).isEqualTo("\"hi\"");
		});
	}

	@Test
	void requestEncodesAsTheCaptureWithoutSpaces() {
		MessageFrame request = new MessageFrame(Metadata.of(REQUEST_ID, MessageType.REQUEST, null), ascii("\"hi\""));
		byte[] encoded = FrameCodec.encodeForStream(request);
		// 53 bytes of metadata in the capture, 50 without its three spaces
		byte[] expected = bytes(HEX.parseHex("00 00 00 3b 0a 00 00 00 36"),
				ascii("{\"id\":\"" + REQUEST_ID + "\",\"type\":1}"), HEX.parseHex("22 68 69 22"));
		assertThat(encoded).isEqualTo(expected).isEqualTo(withoutMetadataSpaces(REQUEST));
		assertThat(FrameCodec.bodySize(request.metadata(), request.payload().length))
			.isEqualTo(encoded.length - FrameCodec.LENGTH_PREFIX);
	}

	@Test
	void aStreamHeadIsTheEncodingUpToThePayloadAndLeavesGeneralMetadataToTheEncoder() {
		MessageFrame request = new MessageFrame(Metadata.of(REQUEST_ID, MessageType.REQUEST, "quote"), ascii("\"hi\""));
		byte[] encoded = FrameCodec.encodeForStream(request);
		int headSize = FrameCodec.streamHeadSize(request);
		assertThat(headSize).isEqualTo(encoded.length - request.payload().length);
		byte[] head = new byte[headSize + 3];
		FrameCodec.writeStreamHead(request, headSize, head);
		assertThat(Arrays.copyOf(head, headSize)).isEqualTo(Arrays.copyOf(encoded, headSize));
		MessageFrame traced = new MessageFrame(
				new Metadata(REQUEST_ID, MessageType.REQUEST, "quote", Map.of("traceparent", "00-1-2-01")),
				request.payload());
		assertThat(FrameCodec.streamHeadSize(traced)).isEqualTo(-1);
	}

	@Test
	void capturedThrowDecodesWithAnEmptyIdAndItsPayloadUntouched() {
		assertThat(FrameCodec.readUnsignedInt(THROW, 0)).isEqualTo(THROW.length - FrameCodec.LENGTH_PREFIX);
		Frame frame = FrameCodec.decodeBody(THROW, FrameCodec.LENGTH_PREFIX, THROW.length - FrameCodec.LENGTH_PREFIX);
		assertThat(frame).isInstanceOfSatisfying(MessageFrame.class, (message) -> {
			assertThat(message.metadata()).isEqualTo(Metadata.of("", MessageType.THROW, null));
			assertThat(message.payload()).asString(StandardCharsets.UTF_8).isEqualTo("{\"kind\": \"throw\", \"n\": 1}");
		});
	}

	@Test
	void throwEncodesAsTheCaptureWithoutSpacesInItsMetadata() {
		MessageFrame message = new MessageFrame(Metadata.of("", MessageType.THROW, null),
				ascii("{\"kind\": \"throw\", \"n\": 1}"));
		// 21 bytes of metadata in the capture, 18 without its three spaces
		byte[] expected = bytes(HEX.parseHex("00 00 00 30 0a 00 00 00 16"), ascii("{\"id\":\"\",\"type\":2}"),
				ascii("{\"kind\": \"throw\", \"n\": 1}"));
		assertThat(FrameCodec.encodeForStream(message)).isEqualTo(expected).isEqualTo(withoutMetadataSpaces(THROW));
	}

	@Test
	void closeNotifyIsAlwaysTheSameFiveBytes() {
		assertThat(HEX.formatHex(FrameCodec.encodeForStream(ControlFrame.CLOSE_NOTIFY))).isEqualTo("00 00 00 01 14");
		assertThat(FrameCodec.decodeBody(new byte[] { 0x14 }, 0, 1)).isEqualTo(ControlFrame.CLOSE_NOTIFY);
	}

	@Test
	void heartbeatFramesRoundTrip() {
		for (ControlFrame frame : List.of(ControlFrame.PING, ControlFrame.PONG)) {
			byte[] encoded = FrameCodec.encodeForStream(frame);
			assertThat(encoded).hasSize(5);
			assertThat(FrameCodec.decodeBody(encoded, 4, 1)).isEqualTo(frame);
		}
	}

	@Test
	void routeAndUnknownMetadataKeysSurviveARoundTripSoThatResponsesCanEchoThem() {
		Map<String, Object> extra = new LinkedHashMap<>();
		extra.put("trace", "abc");
		extra.put("hops", 3);
		Metadata metadata = new Metadata("7", MessageType.REQUEST, "orders.get", extra);
		byte[] body = FrameCodec.encodeBody(new MessageFrame(metadata, ascii("1")), 0);
		MessageFrame decoded = (MessageFrame) FrameCodec.decodeBody(body, 0, body.length);
		assertThat(decoded.metadata()).isEqualTo(metadata);
		assertThat(decoded.metadata().responseOf(MessageType.RESPONSE_OK))
			.isEqualTo(new Metadata("7", MessageType.RESPONSE_OK, "orders.get", extra));
		assertThat(body).asString(StandardCharsets.UTF_8)
			.contains("{\"id\":\"7\",\"type\":1,\"route\":\"orders.get\",\"trace\":\"abc\",\"hops\":3}");
	}

	@Test
	void encodingLeavesTheRequestedHeadroomInFront() {
		byte[] body = FrameCodec.encodeBody(ControlFrame.PING, 3);
		assertThat(body).containsExactly(0, 0, 0, FrameCodec.PING);
	}

	@Test
	void decodingReadsOnlyTheGivenRangeOfALargerBuffer() {
		byte[] buffer = bytes(ascii("junk"), Arrays.copyOfRange(REQUEST, 4, REQUEST.length), ascii("more junk"));
		MessageFrame message = (MessageFrame) FrameCodec.decodeBody(buffer, 4, REQUEST.length - 4);
		assertThat(message.payload()).asString(StandardCharsets.UTF_8).isEqualTo("\"hi\"");
	}

	@Test
	void emptyPayloadIsAllowed() {
		byte[] body = FrameCodec.encodeBody(new MessageFrame(Metadata.of("1", 1, "r"), new byte[0]), 0);
		assertThat(((MessageFrame) FrameCodec.decodeBody(body, 0, body.length)).payload()).isEmpty();
	}

	@Test
	void metaEndBelowItsOwnSizeIsRejected() {
		byte[] body = message(0, ascii("{\"id\":\"1\",\"type\":1}"));
		assertThatExceptionOfType(ProtocolException.class).isThrownBy(() -> FrameCodec.decodeBody(body, 0, body.length))
			.withMessageContaining("metadata end 0");
	}

	@ParameterizedTest
	// the body below is 28 bytes, so its metadata may end at 23 at most
	@ValueSource(longs = { 28, 1000, 0xFFFFFFFFL })
	void metaEndBeyondTheFrameIsRejected(long metaEnd) {
		byte[] body = message(metaEnd, ascii("{\"id\":\"1\",\"type\":1}"));
		assertThatExceptionOfType(ProtocolException.class).isThrownBy(() -> FrameCodec.decodeBody(body, 0, body.length))
			.withMessageContaining("metadata end " + metaEnd)
			.withMessageContaining("lies outside the " + body.length + "-byte frame");
	}

	@Test
	void messageTooShortForItsHeaderIsRejected() {
		byte[] body = { FrameCodec.MESSAGE, 0, 0 };
		assertThatExceptionOfType(ProtocolException.class).isThrownBy(() -> FrameCodec.decodeBody(body, 0, body.length))
			.withMessageContaining("too short");
	}

	@Test
	void emptyBodyIsRejected() {
		assertThatExceptionOfType(ProtocolException.class).isThrownBy(() -> FrameCodec.decodeBody(new byte[1], 0, 0))
			.withMessageContaining("Empty frame");
	}

	@ParameterizedTest
	@ValueSource(bytes = { 0x00, 0x01, 0x0C, 0x15, 0x7F, (byte) 0xFF })
	void unknownFrameCodeIsRejectedNamingTheCode(byte code) {
		assertThatExceptionOfType(ProtocolException.class)
			.isThrownBy(() -> FrameCodec.decodeBody(new byte[] { code, 1, 2 }, 0, 3))
			.withMessage(String.format("Unknown frame code 0x%02X", code));
	}

	@Test
	void chunkFrameIsRejectedAsUnsupported() {
		// chunk 0 of 2, then metadata length, metadata and a slice of payload
		byte[] meta = ascii("{\"id\":\"1\",\"type\":1}");
		byte[] body = bytes(new byte[] { FrameCodec.CHUNK }, u32(0), u32(2), u32(meta.length), meta, ascii("\"h"));
		assertThatExceptionOfType(ProtocolException.class).isThrownBy(() -> FrameCodec.decodeBody(body, 0, body.length))
			.withMessageContaining("Chunked messages are not supported");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"id\": \"1\", \"type\": ", "[1, 2]", "\"text\"", "null", "not json" })
	void metadataThatIsNotAJsonObjectIsRejected(String metadata) {
		byte[] meta = ascii(metadata);
		byte[] body = message(4 + meta.length, meta);
		assertThatExceptionOfType(ProtocolException.class).isThrownBy(() -> FrameCodec.decodeBody(body, 0, body.length))
			.withMessageContaining("Message metadata is not a JSON object");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"type\": 1}", "{\"id\": 7, \"type\": 1}", "{\"id\": null, \"type\": 1}" })
	void metadataWithoutAStringIdIsRejected(String metadata) {
		byte[] meta = ascii(metadata);
		byte[] body = message(4 + meta.length, meta);
		assertThatExceptionOfType(ProtocolException.class).isThrownBy(() -> FrameCodec.decodeBody(body, 0, body.length))
			.withMessage("Message metadata has no string 'id'");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"id\": \"1\"}", "{\"id\": \"1\", \"type\": \"1\"}", "{\"id\": \"1\", \"type\": 1.5}",
			"{\"id\": \"1\", \"type\": 4294967297}" })
	void metadataWithoutAnIntegerTypeIsRejected(String metadata) {
		byte[] meta = ascii(metadata);
		byte[] body = message(4 + meta.length, meta);
		assertThatExceptionOfType(ProtocolException.class).isThrownBy(() -> FrameCodec.decodeBody(body, 0, body.length))
			.withMessage("Message metadata has no integer 'type'");
	}

	@Test
	void routeThatIsNotAStringIsRejected() {
		byte[] meta = ascii("{\"id\": \"1\", \"type\": 1, \"route\": 5}");
		byte[] body = message(4 + meta.length, meta);
		assertThatExceptionOfType(ProtocolException.class).isThrownBy(() -> FrameCodec.decodeBody(body, 0, body.length))
			.withMessage("Message metadata 'route' is not a string");
	}

	@Test
	void helloThatIsNotAJsonObjectIsRejected() {
		byte[] json = ascii("[\"client_id\"]");
		assertThatExceptionOfType(ProtocolException.class)
			.isThrownBy(() -> FrameCodec.decodeHello(json, 0, json.length))
			.withMessageContaining("Hello is not a JSON object");
	}

	@Test
	void refusalRoundTripsItsReason() {
		byte[] encoded = FrameCodec.encodeForStream(new Refusal("busy"));
		assertThat(encoded[0]).isEqualTo(FrameCodec.REFUSAL_START);
		assertThat(indexOf(encoded, FrameCodec.HELLO_END)).isEqualTo(-1);
		assertThat(FrameCodec.decodeRefusal(encoded, 1, encoded.length - 1)).isEqualTo(new Refusal("busy"));
	}

	@Test
	void unreadableRefusalStillCarriesItsText() {
		byte[] text = ascii("go away");
		assertThat(FrameCodec.decodeRefusal(text, 0, text.length)).isEqualTo(new Refusal("go away"));
	}

	private static byte[] message(long metaEnd, byte[] metadata) {
		return bytes(new byte[] { FrameCodec.MESSAGE }, u32(metaEnd), metadata, ascii("\"hi\""));
	}

	private static byte[] u32(long value) {
		return Arrays.copyOfRange(ByteBuffer.allocate(8).putLong(value).array(), 4, 8);
	}

	/**
	 * A captured hello as communica writes it with orjson: the same JSON without the
	 * space after each colon and comma.
	 */
	private static byte[] withoutJsonSpaces(byte[] hello) {
		return ascii(new String(hello, StandardCharsets.US_ASCII).replace(": ", ":").replace(", ", ","));
	}

	/**
	 * A captured message with its metadata in compact form: the lengths shrink with it,
	 * the payload stays as it was.
	 */
	private static byte[] withoutMetadataSpaces(byte[] frame) {
		int metaEnd = (int) FrameCodec.readUnsignedInt(frame, 5);
		String metadata = new String(frame, 9, metaEnd - 4, StandardCharsets.US_ASCII);
		byte[] compact = ascii(metadata.replace(": ", ":").replace(", ", ","));
		byte[] payload = Arrays.copyOfRange(frame, 5 + metaEnd, frame.length);
		byte[] body = bytes(new byte[] { FrameCodec.MESSAGE }, u32(4 + compact.length), compact, payload);
		return bytes(u32(body.length), body);
	}

	/**
	 * JSON may escape half of a surrogate pair on its own ({@code "\\ud83d"}), and
	 * Python's json reads and writes such strings; in a value comm reads one and writes
	 * it back so that the peer reads it again.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "{\"id\":\"a\",\"type\":1,\"k\":\"\\ud83d\"}",
			"{\"id\":\"a\",\"type\":1,\"k\":[\"\\udcee\",{\"n\":\"caf\u00e9 \\ud83d\\ude00\"}]}" })
	void metadataValuesWithUnpairedSurrogatesAreEchoedAsJsonThatReadsAgain(String json) {
		Metadata read = FrameCodec.decodeMessage(json.getBytes(StandardCharsets.UTF_8), new byte[0]).metadata();
		Metadata response = read.responseOf(MessageType.RESPONSE_OK);

		byte[] body = FrameCodec.encodeBody(new MessageFrame(response, new byte[0]), 0);

		assertThat(((MessageFrame) FrameCodec.decodeBody(body, 0, body.length)).metadata()).isEqualTo(response);
	}

	/**
	 * A response echoes the request's numbers as they were sent, also those no double
	 * holds (found by {@code HelloFuzzTests}: {@code 1e400} came back as the string
	 * {@code "Infinity"}).
	 */
	@ParameterizedTest
	@ValueSource(strings = { "1e400", "6.66E6666", "0.1", "-12.5e-3", "123456789012345678901234567890" })
	void metadataNumbersAreEchoedAsTheyWereRead(String number) {
		byte[] json = ("{\"id\":\"a\",\"type\":1,\"n\":" + number + "}").getBytes(StandardCharsets.UTF_8);
		Metadata response = FrameCodec.decodeMessage(json, new byte[0]).metadata().responseOf(MessageType.RESPONSE_OK);

		byte[] body = FrameCodec.encodeBody(new MessageFrame(response, new byte[0]), 0);

		Metadata echoed = ((MessageFrame) FrameCodec.decodeBody(body, 0, body.length)).metadata();
		assertThat(echoed).isEqualTo(response);
		assertThat(new BigDecimal(echoed.extra().get("n").toString())).isEqualByComparingTo(new BigDecimal(number));
	}

	/**
	 * Bytes that are no UTF-8 in a key are refused also after a valid key that Jackson's
	 * name cache cannot tell them from: it pads a short key's last bytes with 0xFF, so a
	 * cached {@code "%"} answered for {@code "\\xFF%"} (found by
	 * {@code MetadataFuzzTests}).
	 */
	@Test
	void keyThatIsNoUtf8IsRefusedAfterAKeyItResembles() {
		FrameCodec.decodeMessage(ascii("{\"id\":\"a\",\"type\":1,\"%\":\"x\"}"), new byte[0]);
		byte[] invalid = bytes(ascii("{\"id\":\"a\",\"type\":1,\""), new byte[] { (byte) 0xFF }, ascii("%\":\"x\"}"));

		assertThatExceptionOfType(ProtocolException.class)
			.isThrownBy(() -> FrameCodec.decodeMessage(invalid, new byte[0]));
	}

	/**
	 * A key that holds half of a surrogate pair cannot be written back as JSON a reader
	 * takes, so it is refused however the peer wrote it: escaped, as the bytes of an
	 * encoded surrogate, or as a four-byte sequence beyond U+10FFFF, which Jackson's
	 * reader would otherwise turn into a lone surrogate (found by
	 * {@code HelloFuzzTests}).
	 */
	@ParameterizedTest
	@ValueSource(
			strings = { "{\"id\":\"a\",\"type\":1,\"\\udcee\":\"x\"}", "{\"id\":\"a\",\"type\":1,\"SURROGATE\":\"x\"}",
					"{\"id\":\"a\",\"type\":1,\"BEYOND\":\"x\"}", "{\"id\":\"a\",\"type\":1,\"k\":[{\"BEYOND\":1}]}",
					"{\"id\":\"a\",\"type\":1,\"k\":{\"n\":{\"BEYOND\":1}}}" })
	void metadataWithAKeyThatIsNoUnicodeIsAProtocolError(String json) {
		byte[] bytes = withBadUtf8(json);

		assertThatExceptionOfType(ProtocolException.class)
			.isThrownBy(() -> FrameCodec.decodeMessage(bytes, new byte[0]));
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"client_id\":\"a\",\"BEYOND\":1}", "{\"client_id\":\"a\",\"comm\":{\"BEYOND\":1}}",
			"{\"client_id\":\"a\",\"comm\":{\"SURROGATE\":1}}" })
	void helloWithAKeyThatIsNoUnicodeIsAProtocolError(String json) {
		byte[] bytes = withBadUtf8(json);

		assertThatExceptionOfType(ProtocolException.class)
			.isThrownBy(() -> FrameCodec.decodeHello(bytes, 0, bytes.length));
	}

	/**
	 * The JSON's bytes with SURROGATE replaced by U+DCEE encoded as if it were a scalar
	 * value, and BEYOND by a four-byte sequence whose code point lies beyond U+10FFFF.
	 */
	private static byte[] withBadUtf8(String json) {
		String marked = json.replace("SURROGATE", "\u0001").replace("BEYOND", "\u0002");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte each : marked.getBytes(StandardCharsets.UTF_8)) {
			switch (each) {
				case 1 -> out.writeBytes(new byte[] { (byte) 0xED, (byte) 0xB3, (byte) 0xAE });
				case 2 -> out.writeBytes(new byte[] { (byte) 0xF5, (byte) 0x8B, (byte) 0xA0, (byte) 0x8F });
				default -> out.write(each);
			}
		}
		return out.toByteArray();
	}

	private static int indexOf(byte[] bytes, byte value) {
		for (int i = 0; i < bytes.length; i++) {
			if (bytes[i] == value) {
				return i;
			}
		}
		return -1;
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

	private static byte[] bytes(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

}
