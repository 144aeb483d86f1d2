package dev.comm.internal.transport.ws;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.PongMessage;
import org.springframework.web.socket.TextMessage;

import dev.comm.protocol.ControlFrame;
import dev.comm.protocol.FrameCodec;
import dev.comm.protocol.FrameTooLargeException;
import dev.comm.protocol.Hello;
import dev.comm.protocol.MessageFrame;
import dev.comm.protocol.Metadata;
import dev.comm.protocol.ProtocolException;
import dev.comm.protocol.Refusal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class InboundMessagesTests {

	private final InboundMessages inbound = new InboundMessages(1024);

	@Test
	void firstTextMessageIsTheHelloAndALaterOneARefusal() {
		assertThat(this.inbound.accept(new TextMessage("{\"client_id\":\"a\"}"))).isInstanceOfSatisfying(Hello.class,
				(hello) -> assertThat(hello.clientId()).isEqualTo("a"));
		assertThat(this.inbound.accept(new TextMessage("{\"reason\":\"no\"}"))).isInstanceOfSatisfying(Refusal.class,
				(refusal) -> assertThat(refusal.reason()).isEqualTo("no"));
	}

	@Test
	void binaryMessageIsOneFrameBody() {
		byte[] body = FrameCodec.encodeBody(new MessageFrame(Metadata.of("1", 1, "echo"), "\"hi\"".getBytes()), 0);
		assertThat(this.inbound.accept(new BinaryMessage(body))).isInstanceOfSatisfying(MessageFrame.class,
				(message) -> assertThat(message.metadata()).isEqualTo(Metadata.of("1", 1, "echo")));
		assertThat(this.inbound.accept(new BinaryMessage(new byte[] { FrameCodec.PING }))).isSameAs(ControlFrame.PING);
	}

	@Test
	void partsAreJoinedIntoOneFrame() {
		byte[] body = FrameCodec.encodeBody(new MessageFrame(Metadata.of("2", 1, "r"), new byte[500]), 0);
		assertThat(this.inbound.accept(new BinaryMessage(ByteBuffer.wrap(body, 0, 100), false))).isNull();
		assertThat(this.inbound.accept(new BinaryMessage(ByteBuffer.wrap(body, 100, 300), false))).isNull();
		assertThat(this.inbound.accept(new BinaryMessage(ByteBuffer.wrap(body, 400, body.length - 400), true)))
			.isInstanceOfSatisfying(MessageFrame.class, (message) -> assertThat(message.payload()).hasSize(500));
	}

	@Test
	void binaryMessageGrowingPastTheFrameLimitFailsBeforeItIsBuffered() {
		assertThat(this.inbound.accept(new BinaryMessage(ByteBuffer.wrap(new byte[1000]), false))).isNull();
		assertThatExceptionOfType(FrameTooLargeException.class)
			.isThrownBy(() -> this.inbound.accept(new BinaryMessage(ByteBuffer.wrap(new byte[25]), false)))
			.withMessageContaining("1024")
			.withMessageContaining("comm.max-frame-size");
	}

	@Test
	void textMessageOver64KibFails() {
		String part = "x".repeat(40 * 1024);
		assertThat(this.inbound.accept(new TextMessage(part, false))).isNull();
		assertThatExceptionOfType(FrameTooLargeException.class)
			.isThrownBy(() -> this.inbound.accept(new TextMessage(part, true)))
			.withMessageContaining(String.valueOf(64 * 1024));
	}

	@Test
	void emptyBinaryMessageAndUnknownCodeAreProtocolErrors() {
		assertThatExceptionOfType(ProtocolException.class)
			.isThrownBy(() -> this.inbound.accept(new BinaryMessage(new byte[0])));
		assertThatExceptionOfType(ProtocolException.class)
			.isThrownBy(() -> this.inbound.accept(new BinaryMessage(new byte[] { 0x7F })));
	}

	@Test
	void helloThatIsNotAJsonObjectIsAProtocolError() {
		assertThatExceptionOfType(ProtocolException.class)
			.isThrownBy(() -> this.inbound.accept(new TextMessage("hello\u0000")));
	}

	@Test
	void webSocketPongCarriesNoFrame() {
		assertThat(this.inbound.accept(new PongMessage(ByteBuffer.wrap("p".getBytes(StandardCharsets.UTF_8)))))
			.isNull();
	}

}
