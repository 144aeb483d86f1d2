package dev.comm.internal.session;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.comm.internal.server.DefaultCommListener;
import dev.comm.protocol.Frame;
import dev.comm.protocol.FrameCodec;
import dev.comm.protocol.MessageFrame;
import dev.comm.protocol.MessageType;
import dev.comm.protocol.Metadata;
import dev.comm.testing.CommTestNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The session message on the wire, against raw sockets: sent only to a client that
 * announced sessions, first after the hellos; and a malformed one closes the link.
 */
class SessionMessageIntegrationTests {

	@Test
	void serverSendsTheSessionMessageFirstToAClientThatAnnouncedSessions() throws IOException {
		try (CommTestNode server = CommTestNode.builder().build()) {
			DefaultCommListener listener = server.listen("tcp://127.0.0.1:0");
			try (Socket socket = connect(listener)) {
				write(socket, "{\"client_id\": \"raw\", \"comm\": {\"version\": 1, \"features\": [\"session\"]}}\0");
				DataInputStream in = new DataInputStream(socket.getInputStream());
				skipHello(in);

				MessageFrame first = (MessageFrame) readFrame(in);

				assertThat(first.metadata().type()).isEqualTo(MessageType.SESSION);
				assertThat(first.metadata().id()).isEmpty();
				assertThat(first.metadata().extra().get("instance")).isInstanceOf(String.class);
				assertThat(first.metadata().extra()).containsEntry("resumed", false);
				assertThat(first.payload()).isEmpty();
			}
		}
	}

	@Test
	void communicaClientNeverReceivesASessionMessage() throws IOException {
		try (CommTestNode server = CommTestNode.builder().build()) {
			DefaultCommListener listener = server.listen("tcp://127.0.0.1:0");
			try (Socket socket = connect(listener)) {
				write(socket, "{\"client_id\": \"communica\"}\0");
				DataInputStream in = new DataInputStream(socket.getInputStream());
				skipHello(in);
				socket.getOutputStream()
					.write(FrameCodec.encodeForStream(new MessageFrame(
							Metadata.of("4c8ef020e57c11f1be1b02fc00000001", MessageType.REQUEST, "nothing.here"),
							"null".getBytes(StandardCharsets.UTF_8))));

				MessageFrame first = (MessageFrame) readFrame(in);

				// the first frame is the answer to the
				// request: no session message before it
				assertThat(first.metadata().id()).isEqualTo("4c8ef020e57c11f1be1b02fc00000001");
				assertThat(first.metadata().type()).isEqualTo(MessageType.REQUESTER_FAULT);
			}
		}
	}

	@Test
	void clientClosesTheLinkOnASessionMessageWithoutAnInstance() throws IOException {
		try (ServerSocket fakeServer = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
				CommTestNode client = CommTestNode.builder().build()) {
			fakeServer.setSoTimeout(10_000);
			client.connector("tcp://127.0.0.1:" + fakeServer.getLocalPort());
			try (Socket socket = fakeServer.accept()) {
				socket.setSoTimeout(10_000);
				DataInputStream in = new DataInputStream(socket.getInputStream());
				skipHello(in);
				write(socket,
						"{\"hello\": \"hello\", \"comm\": {\"version\": 1, \"features\": [\"session\", \"heartbeat\"]}}\0");
				socket.getOutputStream()
					.write(FrameCodec.encodeForStream(new MessageFrame(
							new Metadata("", MessageType.SESSION, null, Map.of("resumed", true)), new byte[0])));

				assertThat(readToEnd(in)).as("the client closed the connection").isTrue();
			}
		}
	}

	private static Socket connect(DefaultCommListener listener) throws IOException {
		Socket socket = new Socket(InetAddress.getLoopbackAddress(), listener.address().port());
		socket.setSoTimeout((int) Duration.ofSeconds(10).toMillis());
		return socket;
	}

	private static void write(Socket socket, String text) throws IOException {
		socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
	}

	private static void skipHello(InputStream in) throws IOException {
		int next;
		while ((next = in.read()) > 0) {
			// the hello's JSON, up to its terminator
		}
		assertThat(next).isZero();
	}

	private static Frame readFrame(DataInputStream in) throws IOException {
		int length = in.readInt();
		assertThat(length).isBetween(1, 1 << 20);
		byte[] body = in.readNBytes(length);
		return FrameCodec.decodeBody(body, 0, body.length);
	}

	/**
	 * Reads until the peer closes; frames it sends meanwhile (a close notify) are fine.
	 */
	private static boolean readToEnd(InputStream in) throws IOException {
		byte[] buffer = new byte[256];
		try {
			while (in.read(buffer) >= 0) {
				// drain
			}
			return true;
		}
		catch (java.net.SocketException ex) {
			// reset by the closing peer
			return true;
		}
	}

}
