package dev.comm.internal.transport.stream;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Map;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

import dev.comm.internal.session.Link;
import dev.comm.protocol.FrameCodec;
import dev.comm.protocol.MessageFrame;
import dev.comm.protocol.MessageType;
import dev.comm.protocol.Metadata;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When frames go out: at the end of the event loop's current work, or at once when the
 * loop itself has queued enough for the peer to start on; and that the messages the loop
 * writes itself go out as they would encoded.
 */
class WriteBatcherTests {

	@Test
	void framesBelowTheEarlyDrainWaitForTheDrainAndGoOutInOneBuffer() {
		EmbeddedChannel channel = new EmbeddedChannel();
		WriteBatcher batcher = new WriteBatcher(channel, "embedded");
		ByteArrayOutputStream sent = new ByteArrayOutputStream();
		for (int i = 0; i < 10; i++) {
			byte[] frame = frame(100, i);
			batcher.add(frame);
			sent.writeBytes(frame);
		}
		assertThat((Object) channel.readOutbound()).isNull();
		channel.runPendingTasks();
		ByteBuf batch = channel.readOutbound();
		assertThat(ByteBufUtil.getBytes(batch)).isEqualTo(sent.toByteArray());
		batch.release();
		assertThat((Object) channel.readOutbound()).isNull();
		channel.finishAndReleaseAll();
	}

	@Test
	void theEventLoopsOwnFramesGoOutOnceEnoughAreQueued() {
		// an embedded channel's loop is the calling thread, as for a reply callback
		EmbeddedChannel channel = new EmbeddedChannel();
		WriteBatcher batcher = new WriteBatcher(channel, "embedded");
		ByteArrayOutputStream sent = new ByteArrayOutputStream();
		int frames = 0;
		while (sent.size() < WriteBatcher.EARLY_DRAIN - 200) {
			byte[] frame = frame(200, frames++);
			batcher.add(frame);
			sent.writeBytes(frame);
		}
		assertThat((Object) channel.readOutbound()).isNull();
		byte[] last = frame(200, frames);
		batcher.add(last);
		sent.writeBytes(last);
		assertThat(written(channel)).isEqualTo(sent.toByteArray());
		channel.finishAndReleaseAll();
	}

	@Test
	void messagesTheLoopWritesItselfGoOutAsTheirEncodingInLineWithEncodedFrames() {
		EmbeddedChannel channel = new EmbeddedChannel();
		WriteBatcher batcher = new WriteBatcher(channel, "embedded");
		ByteArrayOutputStream sent = new ByteArrayOutputStream();
		for (int i = 0; i < 6; i++) {
			MessageFrame message = new MessageFrame(
					new Metadata(Link.newRequestId(), MessageType.REQUEST, "route." + i, Map.of()), frame(40 + i, i));
			byte[] encoded = FrameCodec.encodeForStream(message);
			if (i % 2 == 0) {
				batcher.afterEnqueue(batcher.enqueue(message, FrameCodec.streamHeadSize(message)));
			}
			else {
				batcher.add(encoded);
			}
			sent.writeBytes(encoded);
		}
		// larger than a batch: the loop encodes it whole
		MessageFrame large = new MessageFrame(new Metadata("", MessageType.THROW, "large", Map.of()),
				frame(WriteBatcher.BATCH_SIZE + 1, 7));
		batcher.afterEnqueue(batcher.enqueue(large, FrameCodec.streamHeadSize(large)));
		sent.writeBytes(FrameCodec.encodeForStream(large));
		channel.runPendingTasks();
		assertThat(written(channel)).isEqualTo(sent.toByteArray());
		channel.finishAndReleaseAll();
	}

	private static byte[] frame(int size, int mark) {
		byte[] frame = new byte[size];
		Arrays.fill(frame, (byte) mark);
		return frame;
	}

	private static byte[] written(EmbeddedChannel channel) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteBuf buffer;
		while ((buffer = channel.readOutbound()) != null) {
			out.writeBytes(ByteBufUtil.getBytes(buffer));
			buffer.release();
		}
		return out.toByteArray();
	}

}
