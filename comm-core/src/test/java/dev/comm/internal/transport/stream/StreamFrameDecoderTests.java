package dev.comm.internal.transport.stream;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

import dev.comm.protocol.ControlFrame;
import dev.comm.protocol.FrameCodec;
import dev.comm.protocol.FrameTooLargeException;
import dev.comm.protocol.Hello;
import dev.comm.protocol.MessageFrame;
import dev.comm.protocol.MessageType;
import dev.comm.protocol.Metadata;
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

	@Test
	void messageFramesDecodeToTheirMetadataAndPayloadEvenWhenSplit() {
		EmbeddedChannel channel = new EmbeddedChannel(new StreamFrameDecoder(1024));
		channel.writeInbound(Unpooled.wrappedBuffer(bytes("{\"hello\": \"hello\"}\0")));
		channel.readInbound();
		byte[] frame = FrameCodec
			.encodeForStream(new MessageFrame(Metadata.of("42", MessageType.REQUEST, "orders"), bytes("{\"n\":1}")));
		channel.writeInbound(Unpooled.wrappedBuffer(frame, 0, 9));
		assertThat((Object) channel.readInbound()).isNull();
		channel.writeInbound(Unpooled.wrappedBuffer(frame, 9, frame.length - 9));
		MessageFrame message = channel.readInbound();
		assertThat(message.metadata()).isEqualTo(Metadata.of("42", MessageType.REQUEST, "orders"));
		assertThat(message.payload()).isEqualTo(bytes("{\"n\":1}"));
	}

	@Test
	void messageWhoseMetadataEndLiesOutsideTheFrameFails() {
		EmbeddedChannel channel = new EmbeddedChannel(new StreamFrameDecoder(1024));
		channel.writeInbound(Unpooled.wrappedBuffer(bytes("{\"hello\": \"hello\"}\0")));
		assertThatExceptionOfType(io.netty.handler.codec.DecoderException.class)
			.isThrownBy(() -> channel
				.writeInbound(Unpooled.wrappedBuffer(new byte[] { 0, 0, 0, 6, FrameCodec.MESSAGE, 0, 0, 0, 9, '{' })))
			.withCauseInstanceOf(ProtocolException.class)
			.withMessageContaining("outside");
	}

	@Test
	void lengthOverTheLimitFailsAsFrameTooLargeBeforeTheBodyArrives() {
		EmbeddedChannel channel = new EmbeddedChannel(new StreamFrameDecoder(1024));
		channel.writeInbound(Unpooled.wrappedBuffer(bytes("{\"hello\": \"hello\"}\0")));
		assertThatExceptionOfType(io.netty.handler.codec.DecoderException.class)
			.isThrownBy(() -> channel.writeInbound(Unpooled.wrappedBuffer(new byte[] { 0, 0, 4, 1 })))
			.withCauseInstanceOf(FrameTooLargeException.class)
			.withMessageContaining("comm.max-frame-size");
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.ISO_8859_1);
	}

}
