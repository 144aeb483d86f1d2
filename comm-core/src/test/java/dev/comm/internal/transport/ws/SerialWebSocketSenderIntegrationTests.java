package dev.comm.internal.transport.ws;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.comm.CommConnectionLostException;
import dev.comm.CommException;
import dev.comm.address.CommAddress;
import dev.comm.protocol.Frame;
import dev.comm.protocol.MessageFrame;
import dev.comm.protocol.MessageType;
import dev.comm.protocol.Metadata;
import dev.comm.transport.Connection;
import dev.comm.transport.FrameReceiver;
import dev.comm.transport.Listener;
import dev.comm.transport.TransportSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A ws connection whose peer stops reading: its sends are accepted, then held back, then
 * refused, instead of queueing without bound. The peer is the JDK's WebSocket client,
 * which reads from its socket only while its listener asks for more messages.
 */
class SerialWebSocketSenderIntegrationTests {

	private static final int FRAME_SIZE = 64 * 1024;

	/** 256 MiB: far beyond the limit and any loopback socket buffer. */
	private static final int MAX_FRAMES = 4096;

	private static final Frame FRAME = new MessageFrame(Metadata.of("", MessageType.THROW, "bulk"),
			new byte[FRAME_SIZE]);

	private static final AtomicInteger paths = new AtomicInteger();

	private static ServletWebSocketServer server;

	private WebSocketTransport transport;

	private Listener listener;

	private WebSocket peer;

	private Connection connection;

	@BeforeAll
	static void startWebServer() throws Exception {
		server = new ServletWebSocketServer();
	}

	@AfterAll
	static void stopWebServer() throws Exception {
		server.close();
	}

	@BeforeEach
	void connectAPeerThatDoesNotRead() throws Exception {
		this.transport = new WebSocketTransport(server.mounts());
		CompletableFuture<Connection> accepted = new CompletableFuture<>();
		this.listener = this.transport.listen(CommAddress.parse("ws:/sender/" + paths.incrementAndGet()),
				TransportSettings.defaults(), accepted::complete);
		this.peer = HttpClient.newHttpClient()
			.newWebSocketBuilder()
			.buildAsync(URI.create(this.listener.address().toString()), new NotReading())
			.get(10, TimeUnit.SECONDS);
		this.connection = accepted.get(10, TimeUnit.SECONDS);
		this.connection.start(new IgnoringReceiver());
	}

	@AfterEach
	void close() {
		this.peer.abort();
		this.listener.close();
		this.transport.close();
	}

	@Test
	void sendsToAPeerThatStopsReadingAreHeldBackThenRefused() {
		Backlog backlog = sendUntilRefused();
		assertThat(backlog.heldBack()).as("the last send before the refusal").isNotDone();
		assertThat(backlog.refused()).failsWithin(Duration.ZERO)
			.withThrowableOfType(ExecutionException.class)
			.havingCause()
			.isExactlyInstanceOf(CommException.class)
			.withMessageContaining(this.connection.remoteAddress())
			.withMessageContaining("reads more slowly than this side sends");
		// what waited was bounded: the limit, plus what the socket buffers took
		assertThat((long) backlog.sent() * FRAME_SIZE).isLessThan(SerialWebSocketSender.LIMIT + 64L * 1024 * 1024);
		assertThat(this.connection.isOpen()).isTrue();
	}

	@Test
	void heldBackSendersGoOnOnceThePeerReadsAgain() {
		Backlog backlog = sendUntilRefused();
		this.peer.request(Long.MAX_VALUE);
		assertThat(backlog.heldBack()).succeedsWithin(Duration.ofSeconds(10));
		assertThat(this.connection.send(FRAME)).succeedsWithin(Duration.ofSeconds(10));
	}

	@Test
	void heldBackSendersFailWhenTheConnectionCloses() {
		Backlog backlog = sendUntilRefused();
		this.peer.abort();
		assertThat(backlog.heldBack()).failsWithin(Duration.ofSeconds(10))
			.withThrowableOfType(ExecutionException.class)
			.withCauseInstanceOf(CommConnectionLostException.class);
	}

	/**
	 * Send without waiting until a send is refused. The first sends held back may go on
	 * soon after, while the socket buffers still take bytes; the last one before the
	 * refusal waits behind the whole backlog.
	 */
	private Backlog sendUntilRefused() {
		CompletableFuture<Void> heldBack = null;
		for (int sent = 1; sent <= MAX_FRAMES; sent++) {
			CompletableFuture<Void> future = this.connection.send(FRAME);
			if (future.isCompletedExceptionally()) {
				assertThat(heldBack).as("a send held back before the refusal").isNotNull();
				return new Backlog(heldBack, future, sent);
			}
			if (!future.isDone()) {
				heldBack = future;
			}
		}
		throw new AssertionError("no send was refused after " + MAX_FRAMES + " frames");
	}

	private record Backlog(CompletableFuture<Void> heldBack, CompletableFuture<Void> refused, int sent) {
	}

	/** Asks for no message, so the JDK client leaves the socket unread. */
	private static final class NotReading implements WebSocket.Listener {

		@Override
		public void onOpen(WebSocket webSocket) {
		}

		@Override
		public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
			return null;
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
