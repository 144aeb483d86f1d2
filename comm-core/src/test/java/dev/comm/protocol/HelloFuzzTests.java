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
		// a decoded hello is written back as it was read, for a peer to read again
		assertThat(
				FrameCodec.decodeHello(FrameCodec.encodeHelloJson(hello), 0, FrameCodec.encodeHelloJson(hello).length))
			.isEqualTo(hello);
	}

}
