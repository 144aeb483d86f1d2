package dev.comm.internal.transport.stream;

import java.util.ArrayList;
import java.util.List;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;

import dev.comm.protocol.Frame;
import dev.comm.protocol.ProtocolException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any byte stream, cut into reads of any size, either decodes into frames or fails with a
 * {@link ProtocolException} (which closes the connection): never another exception, never
 * a frame over the limit, never a frame after the failure.
 */
class StreamFrameDecoderFuzzTests {

	private static final int MAX_FRAME_SIZE = 4096;

	@FuzzTest(maxDuration = "10s")
	void anyStreamDecodesToFramesOrAProtocolError(FuzzedDataProvider data) {
		EmbeddedChannel channel = new EmbeddedChannel(new StreamFrameDecoder(MAX_FRAME_SIZE));
		List<Object> decoded = new ArrayList<>();
		boolean failed = false;
		while (data.remainingBytes() > 0 && !failed) {
			byte[] read = data.consumeBytes(data.consumeInt(1, 512));
			try {
				channel.writeInbound(Unpooled.wrappedBuffer(read));
			}
			catch (DecoderException ex) {
				assertThat(ex.getCause()).isInstanceOf(ProtocolException.class);
				failed = true;
			}
			drain(channel, decoded);
		}
		if (!failed) {
			try {
				channel.finish();
			}
			catch (DecoderException ex) {
				assertThat(ex.getCause()).isInstanceOf(ProtocolException.class);
			}
		}
		drain(channel, decoded);
		channel.finishAndReleaseAll();
		assertThat(decoded).allSatisfy((frame) -> assertThat(frame).isInstanceOf(Frame.class));
	}

	private static void drain(EmbeddedChannel channel, List<Object> decoded) {
		Object frame;
		while ((frame = channel.readInbound()) != null) {
			decoded.add(frame);
		}
	}

}
