package dev.comm.internal.session;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.comm.client.CommClient;
import dev.comm.handler.CommHandler;
import dev.comm.internal.server.DefaultCommListener;
import dev.comm.testing.CommTestNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Heartbeats between comm peers: a silent peer is dropped, a live idle one is kept.
 */
class HeartbeatIntegrationTests {

	private static final Duration INTERVAL = Duration.ofMillis(100);

	@Test
	void silentCommPeerIsProbedThenDropped() throws IOException {
		try (CommTestNode server = CommTestNode.builder().heartbeatInterval(INTERVAL).build()) {
			DefaultCommListener listener = server.listen("tcp://127.0.0.1:0");
			try (Socket socket = new Socket("127.0.0.1", listener.address().port())) {
				socket.setSoTimeout(10_000);
				socket.getOutputStream()
					.write("{\"client_id\": \"mute\", \"comm\": {\"version\": 1, \"features\": [\"heartbeat\"]}}\0"
						.getBytes(StandardCharsets.UTF_8));
				InputStream in = socket.getInputStream();
				readHello(in);
				// the server pings, gets no answer, and
				// closes after three silent intervals
				ByteArrayOutputStream rest = new ByteArrayOutputStream();
				in.transferTo(rest);
				byte[] frames = rest.toByteArray();
				assertThat(frames.length).isGreaterThanOrEqualTo(5);
				assertThat(frames).startsWith(0, 0, 0, 1, 0x1E);
			}
		}
	}

	@Test
	void idleCommPeersAnsweringHeartbeatsStayConnected() throws InterruptedException {
		try (CommTestNode server = CommTestNode.builder().heartbeatInterval(INTERVAL).handlers(new Echo()).build();
				CommTestNode client = CommTestNode.builder().heartbeatInterval(INTERVAL).build()) {
			DefaultCommListener listener = server.listen("tcp://127.0.0.1:0");
			CommClient comm = client.connect(listener.address().toString(), Duration.ofSeconds(5));
			assertThat(comm.request("echo", "first", String.class)).isEqualTo("first");
			Link link = listener.getLinks().iterator().next();
			Thread.sleep(INTERVAL.multipliedBy(8).toMillis());
			assertThat(link.isOpen()).isTrue();
			assertThat(listener.getLinks()).containsExactly(link);
			assertThat(comm.request("echo", "second", String.class)).isEqualTo("second");
		}
	}

	private static void readHello(InputStream in) throws IOException {
		int next;
		while ((next = in.read()) > 0) {
			// skip the hello's JSON up to its terminator
		}
		assertThat(next).isZero();
	}

	static class Echo {

		@CommHandler("echo")
		String echo(String text) {
			return text;
		}

	}

}
