package dev.comm.transport.stream;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

import dev.comm.protocol.ControlFrame;
import dev.comm.protocol.Hello;
import dev.comm.protocol.ProtocolException;
import dev.comm.protocol.Refusal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class StreamFrameDecoderTests {

	@Test
	void refusalInsteadOfAHelloIsReadToTheEndOfTheStream() {
		EmbeddedChannel channel = new EmbeddedChannel(new StreamFrameDecoder(1024));
		channel.writeInbound(Unpooled.wrappedBuffer(bytes("\u0004{\"reason\": \"no client_id\"}")));
		assertThat((Object) channel.readInbound()).isNull();
		channel.finish();
		assertThat((Object) channel.readInbound()).isEqualTo(new Refusal("no client_id"));
	}

	@Test
	void refusalRightAfterTheServersHelloIsRecognised() {
		EmbeddedChannel channel = new EmbeddedChannel(new StreamFrameDecoder(1024));
		channel.writeInbound(Unpooled.wrappedBuffer(bytes("{\"hello\": \"hello\"}\0\u0004{\"reason\": \"go away\"}")));
		assertThat((Object) channel.readInbound()).isInstanceOf(Hello.class);
		channel.finish();
		assertThat((Object) channel.readInbound()).isEqualTo(new Refusal("go away"));
	}

	@Test
	void framesSplitAcrossReadsAreReassembled() {
		EmbeddedChannel channel = new EmbeddedChannel(new StreamFrameDecoder(1024));
		channel.writeInbound(Unpooled.wrappedBuffer(bytes("{\"hello\": \"hello\"}\0\0\0")));
		channel.writeInbound(Unpooled.wrappedBuffer(new byte[] { 0, 1, 0x14 }));
		assertThat((Object) channel.readInbound()).isInstanceOf(Hello.class);
		assertThat((Object) channel.readInbound()).isEqualTo(ControlFrame.CLOSE_NOTIFY);
	}

	@Test
	void oversizeLengthFailsBeforeTheBodyArrives() {
		EmbeddedChannel channel = new EmbeddedChannel(new StreamFrameDecoder(1024));
		channel.writeInbound(Unpooled.wrappedBuffer(bytes("{\"hello\": \"hello\"}\0")));
		assertThatExceptionOfType(io.netty.handler.codec.DecoderException.class)
			.isThrownBy(() -> channel.writeInbound(Unpooled.wrappedBuffer(new byte[] { 0, 0, 4, 1 })))
			.withCauseInstanceOf(ProtocolException.class)
			.withMessageContaining("1025");
	}

	@Test
	void helloWithoutTerminatorBeyondTheLimitFails() {
		EmbeddedChannel channel = new EmbeddedChannel(new StreamFrameDecoder(1024));
		byte[] endless = new byte[StreamFrameDecoder.MAX_HELLO_SIZE + 1];
		java.util.Arrays.fill(endless, (byte) 'x');
		assertThatExceptionOfType(io.netty.handler.codec.DecoderException.class)
			.isThrownBy(() -> channel.writeInbound(Unpooled.wrappedBuffer(endless)))
			.withCauseInstanceOf(ProtocolException.class);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.ISO_8859_1);
	}

}
