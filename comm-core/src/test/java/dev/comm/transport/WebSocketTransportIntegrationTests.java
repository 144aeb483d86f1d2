package dev.comm.transport;

import java.net.URI;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.comm.CommConnectionLostException;
import dev.comm.CommException;
import dev.comm.address.CommAddress;
import dev.comm.internal.transport.ws.ServletWebSocketServer;
import dev.comm.internal.transport.ws.WebSocketRawPeer;
import dev.comm.internal.transport.ws.WebSocketTransport;
import dev.comm.protocol.Frame;
import dev.comm.testing.CommTestNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The transport contract over WebSocket: listeners are mounted on a real servlet web
 * server (embedded Tomcat behind a {@code DispatcherServlet}), connectors dial it with
 * Spring's client, and raw peers use the JDK's WebSocket client.
 */
class WebSocketTransportIntegrationTests extends AbstractTransportContractTests {

	private static final AtomicInteger paths = new AtomicInteger();

	private static ServletWebSocketServer server;

	@BeforeAll
	static void startWebServer() throws Exception {
		server = new ServletWebSocketServer();
	}

	@AfterAll
	static void stopWebServer() throws Exception {
		server.close();
	}

	@Test
	void secondListenerOnTheSamePathIsRejected() {
		try (WebSocketTransport transport = new WebSocketTransport(server.mounts())) {
			CommAddress address = CommAddress.parse(newListenUri());
			Listener first = transport.listen(address, TransportSettings.defaults(), (connection) -> {
			});
			assertThatExceptionOfType(CommException.class)
				.isThrownBy(() -> transport.listen(address, TransportSettings.defaults(), (connection) -> {
				}))
				.withMessageContaining("another ws listener is mounted at that path");
			first.close();
		}
	}

	@Test
	void listenerAddressNamingAnotherPortThanTheServersIsRejected() {
		try (WebSocketTransport transport = new WebSocketTransport(server.mounts())) {
			int otherPort = (server.port() == 1) ? 2 : 1;
			assertThatExceptionOfType(CommException.class)
				.isThrownBy(() -> transport.listen(CommAddress.parse("ws://127.0.0.1:" + otherPort + "/elsewhere"),
						TransportSettings.defaults(), (connection) -> {
						}))
				.withMessageContaining("port " + server.port())
				.withMessageContaining("ws:/elsewhere");
		}
	}

	@Test
	void listenerIsReportedWithTheServersHostAndPort() {
		try (WebSocketTransport transport = new WebSocketTransport(server.mounts())) {
			Listener listener = transport.listen(CommAddress.parse("ws:/reported"), TransportSettings.defaults(),
					(connection) -> {
					});
			assertThat(listener.address()).hasToString("ws://127.0.0.1:" + server.port() + "/reported");
			listener.close();
		}
	}

	@Test
	void transportWithoutAServerCannotListenAndSaysWhy() {
		try (WebSocketTransport transport = new WebSocketTransport(null)) {
			assertThatExceptionOfType(CommException.class).isThrownBy(() -> transport
				.listen(CommAddress.parse("ws:/comm"), TransportSettings.defaults(), (connection) -> {
				})).withMessageContaining("servlet web server");
		}
	}

	@Test
	void connectorAddressWithoutAHostFailsAtOnce() {
		try (WebSocketTransport transport = new WebSocketTransport(null)) {
			assertThat(transport.connect(CommAddress.parse("ws:/comm"), TransportSettings.defaults()))
				.failsWithin(AWAIT)
				.withThrowableOfType(ExecutionException.class)
				.withCauseInstanceOf(CommConnectionLostException.class)
				.withMessageContaining("needs a host");
		}
	}

	/**
	 * A WebSocket session cannot pause reading: a receiver's throws are bounded only by
	 * its handler executor, as the README says.
	 */
	@Override
	public boolean boundsUnhandledThrows() {
		return false;
	}

	@Override
	protected CommTestNode.Builder nodeBuilder() {
		return CommTestNode.builder().transport(() -> new WebSocketTransport(server.mounts()));
	}

	@Override
	protected String newListenUri() {
		return "ws:/contract/" + paths.incrementAndGet();
	}

	@Override
	protected String unusedUri() {
		// the server is up, but no listener is mounted there: the upgrade gets a 404
		return "ws://127.0.0.1:" + server.port() + "/contract/nothing-here";
	}

	@Override
	protected RawPeer openRawPeer(CommAddress address) throws Exception {
		return new JdkWebSocketRawPeer(URI.create(address.toString()));
	}

	/**
	 * Adapts the WebSocket raw peer, which lives next to the transport, to the contract's
	 * {@link RawPeer}.
	 */
	private static final class JdkWebSocketRawPeer extends RawPeer {

		private final WebSocketRawPeer peer;

		JdkWebSocketRawPeer(URI uri) throws Exception {
			this.peer = new WebSocketRawPeer(uri, this::received, this::closedByPeer);
		}

		@Override
		void send(Frame frame) throws Exception {
			this.peer.send(frame);
		}

		@Override
		void sendGarbage(Garbage garbage, int maxFrameSize) throws Exception {
			this.peer.sendGarbage(garbage.name(), maxFrameSize);
		}

		@Override
		public void close() {
			this.peer.close();
		}

	}

}
