package dev.comm.internal.transport.stream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.comm.address.CommAddress;
import dev.comm.internal.transport.tcp.TcpTransport;
import dev.comm.protocol.Frame;
import dev.comm.protocol.FrameCodec;
import dev.comm.protocol.MessageFrame;
import dev.comm.protocol.MessageType;
import dev.comm.protocol.Metadata;
import dev.comm.transport.Connection;
import dev.comm.transport.FrameReceiver;
import dev.comm.transport.TransportSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Sends are accepted without waiting for the event loop, but a peer that stops reading
 * holds senders back instead of letting frames pile up without bound.
 */
class WriteBatcherIntegrationTests {

	private static final int FRAME_SIZE = 512 * 1024;

	/**
	 * 256 MiB: far beyond any loopback socket buffer, so the peer's silence must show.
	 */
	private static final int MAX_FRAMES = 512;

	@Test
	void aPeerThatStopsReadingHoldsSendersBack() throws Exception {
		try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
				TcpTransport transport = new TcpTransport()) {
			Connection connection = transport
				.connect(CommAddress.parse("tcp://127.0.0.1:" + server.getLocalPort()),
						new TransportSettings(2 * FRAME_SIZE, java.time.Duration.ofSeconds(5)))
				.get(10, TimeUnit.SECONDS);
			connection.start(new IgnoringReceiver());
			try (Socket silent = server.accept()) {
				Frame frame = new MessageFrame(Metadata.of("", MessageType.THROW, "bulk"), new byte[FRAME_SIZE]);
				int accepted = 0;
				while (accepted < MAX_FRAMES && connection.send(frame).isDone()) {
					accepted++;
				}
				// the kernel takes a few megabytes before the silence shows
				assertThat(accepted).isLessThan(MAX_FRAMES);
				// close() writes what is queued first, on the event loop: wait for it
				connection.close();
				await("the connection to close").until(() -> !connection.isOpen());
				assertThatExceptionOfType(ExecutionException.class)
					.isThrownBy(() -> connection.send(frame).get(10, TimeUnit.SECONDS));
			}
		}
	}

	@Test
	void framesOfEverySizeReachTheWireWholeAndInOrderAcrossBatches() throws Exception {
		int[] sizes = { 100, WriteBatcher.BATCH_SIZE + 1, 30_000, 40_000, 1, WriteBatcher.BATCH_SIZE - 200, 0,
				3 * WriteBatcher.BATCH_SIZE, 500 };
		ByteArrayOutputStream expected = new ByteArrayOutputStream();
		List<Frame> frames = new ArrayList<>();
		for (int round = 0; round < 20; round++) {
			for (int i = 0; i < sizes.length; i++) {
				byte[] payload = new byte[sizes[i]];
				Arrays.fill(payload, (byte) (round * sizes.length + i));
				Frame frame = new MessageFrame(Metadata.of("", MessageType.THROW, "r" + round + "." + i), payload);
				frames.add(frame);
				expected.write(FrameCodec.encodeForStream(frame));
			}
		}
		try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
				TcpTransport transport = new TcpTransport()) {
			Connection connection = transport
				.connect(CommAddress.parse("tcp://127.0.0.1:" + server.getLocalPort()),
						new TransportSettings(4 * WriteBatcher.BATCH_SIZE, java.time.Duration.ofSeconds(5)))
				.get(10, TimeUnit.SECONDS);
			connection.start(new IgnoringReceiver());
			try (Socket peer = server.accept()) {
				peer.setSoTimeout(10_000);
				// more than the socket buffers hold: read while sending
				CompletableFuture<byte[]> received = CompletableFuture.supplyAsync(() -> {
					try {
						return peer.getInputStream().readNBytes(expected.size());
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
				});
				for (Frame frame : frames) {
					connection.send(frame).get(10, TimeUnit.SECONDS);
				}
				assertThat(received.get(10, TimeUnit.SECONDS)).isEqualTo(expected.toByteArray());
			}
			finally {
				connection.close();
			}
		}
	}

	private static final class IgnoringReceiver implements FrameReceiver {

		@Override
		public void frame(Frame frame) {
		}

		@Override
		public void closed(Throwable cause) {
		}

	}

}
