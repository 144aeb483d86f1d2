package dev.comm.protocol;

import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any bytes as a hello either fail with a {@link ProtocolException} or give a hello whose
 * accessors answer without an exception, as the handshake reads them.
 */
class HelloFuzzTests {

	@FuzzTest(maxDuration = "10s")
	void anyHelloDecodesOrFailsAsAProtocolError(byte[] json) {
		Hello hello;
		try {
			hello = FrameCodec.decodeHello(json, 0, json.length);
		}
		catch (ProtocolException ex) {
			return;
		}
		hello.clientId();
		hello.isComm();
		assertThat(hello.features()).doesNotContainNull();
		// what comm writes of a hello reads back as the same JSON: a number may change
		// its
		// Java type (22288e0 is written 22288), never its value
		byte[] written = FrameCodec.encodeHelloJson(hello);
		Hello again = FrameCodec.decodeHello(written, 0, written.length);
		assertThat(JsonValues.normalized(again.fields())).isEqualTo(JsonValues.normalized(hello.fields()));
	}

}
