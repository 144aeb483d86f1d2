package dev.comm.internal.transport.ws;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import dev.comm.protocol.Frame;
import dev.comm.protocol.FrameCodec;
import dev.comm.protocol.Hello;
import dev.comm.protocol.Refusal;

/**
 * The WebSocket side of a raw test peer, on the JDK's own WebSocket client, so that what
 * a comm listener sees does not come from comm's or Spring's code: text messages carry
 * the hello and a refusal, binary messages carry frame bodies (docs/PROTOCOL.md).
 */
public final class WebSocketRawPeer implements AutoCloseable {

	/** Fixed so that a failure reproduces; its first byte is no ping or pong code. */
	private static final long NOISE_SEED = 20240611L;

	private final WebSocket socket;

	private final Consumer<Object> inbox;

	private final Runnable closed;

	private final ByteArrayOutputStream parts = new ByteArrayOutputStream();

	private final StringBuilder textParts = new StringBuilder();

	private boolean helloRead;

	/**
	 * Connect.
	 * @param uri the listener's {@code ws://} URI
	 * @param inbox receives frames (and decoding failures)
	 * @param closed told when the listener closed the connection
	 * @throws Exception if the upgrade fails
	 */
	public WebSocketRawPeer(URI uri, Consumer<Object> inbox, Runnable closed) throws Exception {
		this.inbox = inbox;
		this.closed = closed;
		this.socket = HttpClient.newHttpClient()
			.newWebSocketBuilder()
			.connectTimeout(Duration.ofSeconds(5))
			.buildAsync(uri, new Reader())
			.get(10, TimeUnit.SECONDS);
	}

	public void send(Frame frame) throws Exception {
		if (frame instanceof Hello hello) {
			sendText(new String(FrameCodec.encodeHelloJson(hello), StandardCharsets.UTF_8));
		}
		else if (frame instanceof Refusal refusal) {
			sendText(new String(FrameCodec.encodeRefusalJson(refusal), StandardCharsets.UTF_8));
		}
		else {
			sendBinary(FrameCodec.encodeBody(frame, 0));
		}
	}

	public void sendText(String text) throws Exception {
		this.socket.sendText(text, true).get(10, TimeUnit.SECONDS);
	}

	public void sendBinary(byte[] body) throws Exception {
		this.socket.sendBinary(ByteBuffer.wrap(body), true).get(10, TimeUnit.SECONDS);
	}

	/**
	 * Bytes no correct peer sends, as a binary message.
	 * @param kind one of {@code NOISE}, {@code UNKNOWN_FRAME},
	 * {@code MALFORMED_METADATA}, {@code MISSING_ID}, {@code OVERSIZE_FRAME}
	 * @param maxFrameSize the listener's frame limit
	 * @throws Exception if sending fails
	 */
	public void sendGarbage(String kind, int maxFrameSize) throws Exception {
		switch (kind) {
			case "NOISE" -> {
				byte[] body = new byte[256];
				new Random(NOISE_SEED).nextBytes(body);
				sendBinary(body);
			}
			case "UNKNOWN_FRAME" -> sendBinary(new byte[] { 0x7F, 1, 2, 3, 4 });
			case "MALFORMED_METADATA" -> sendBinary(message("{\"id\": \"m-1\", \"type\": 1, \"route\": ", "\"x\""));
			case "MISSING_ID" -> sendBinary(message("{\"type\": 1, \"route\": \"length\"}", "\"x\""));
			case "OVERSIZE_FRAME" -> {
				byte[] body = new byte[maxFrameSize + 1];
				body[0] = FrameCodec.MESSAGE;
				sendBinary(body);
			}
			default -> throw new IllegalArgumentException(kind);
		}
	}

	private static byte[] message(String metadata, String payload) {
		byte[] meta = metadata.getBytes(StandardCharsets.UTF_8);
		byte[] data = payload.getBytes(StandardCharsets.UTF_8);
		return ByteBuffer.allocate(5 + meta.length + data.length)
			.put(FrameCodec.MESSAGE)
			.putInt(4 + meta.length)
			.put(meta)
			.put(data)
			.array();
	}

	@Override
	public void close() {
		this.socket.abort();
	}

	private final class Reader implements WebSocket.Listener {

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			WebSocketRawPeer.this.textParts.append(data);
			if (last) {
				byte[] json = WebSocketRawPeer.this.textParts.toString().getBytes(StandardCharsets.UTF_8);
				WebSocketRawPeer.this.textParts.setLength(0);
				deliver(() -> {
					if (WebSocketRawPeer.this.helloRead) {
						return FrameCodec.decodeRefusal(json, 0, json.length);
					}
					Hello hello = FrameCodec.decodeHello(json, 0, json.length);
					// a refusal before the listener's hello: a reason and none of a
					// hello's keys
					if (hello.fields().containsKey("reason") && !hello.fields().containsKey("hello")
							&& !hello.fields().containsKey("client_id") && !hello.fields().containsKey("comm")) {
						return FrameCodec.decodeRefusal(json, 0, json.length);
					}
					WebSocketRawPeer.this.helloRead = true;
					return hello;
				});
			}
			webSocket.request(1);
			return null;
		}

		@Override
		public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
			byte[] part = new byte[data.remaining()];
			data.get(part);
			WebSocketRawPeer.this.parts.writeBytes(part);
			if (last) {
				byte[] body = WebSocketRawPeer.this.parts.toByteArray();
				WebSocketRawPeer.this.parts.reset();
				deliver(() -> FrameCodec.decodeBody(body, 0, body.length));
			}
			webSocket.request(1);
			return null;
		}

		private void deliver(java.util.function.Supplier<Frame> decode) {
			try {
				WebSocketRawPeer.this.inbox.accept(decode.get());
			}
			catch (RuntimeException ex) {
				WebSocketRawPeer.this.inbox.accept(ex);
			}
		}

		@Override
		public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
			WebSocketRawPeer.this.closed.run();
			return null;
		}

		@Override
		public void onError(WebSocket webSocket, Throwable error) {
			WebSocketRawPeer.this.closed.run();
		}

	}

}
