package dev.comm.interop;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import dev.comm.address.CommAddress;
import dev.comm.testing.RabbitBroker;

/**
 * The ways the real communica library reaches comm, each with the comm address and the
 * communica connector of one endpoint: {@code TcpConnector} plain and with {@code ssl=},
 * and {@code LocalConnector}, which comm meets as {@code unix://} with communica's socket
 * path or as {@code local://name}, and {@code RmqConnector} over the RabbitMQ at
 * 127.0.0.1:5672, which comm meets as {@code amqp://…?protocol=communica}.
 */
enum LibraryWire {

	TCP, TLS, UNIX, LOCAL, RMQ;

	private static final String BROKER = "amqp://guest:guest@127.0.0.1:5672/";

	/** The client id of the comm side, which names its queues when it dials over RMQ. */
	static final String COMM_CLIENT = "comm-7";

	private static final Path TLS_DIR = Path.of(System.getProperty("basedir", ""), "src/test/resources/tls")
		.toAbsolutePath();

	/**
	 * A fresh endpoint: a free port, or a local name no other test uses.
	 * @return the endpoint
	 */
	Endpoint endpoint() {
		return switch (this) {
			case TCP, TLS -> new Endpoint(this, freePort(), null);
			case UNIX, LOCAL, RMQ ->
				new Endpoint(this, -1, "comm-test-" + UUID.randomUUID().toString().substring(0, 8));
		};
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	boolean tls() {
		return this == TLS;
	}

	@Override
	public String toString() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Where one side listens and the other connects.
	 */
	record Endpoint(LibraryWire wire, int port, String name) {

		/** The comm address, for a listener or a connector. */
		String commUri() {
			return switch (this.wire) {
				case TCP -> "tcp://127.0.0.1:" + this.port;
				case TLS -> "tls://127.0.0.1:" + this.port;
				case UNIX -> "unix://" + CommAddress.parse("local://" + this.name).path();
				case LOCAL -> "local://" + this.name;
				case RMQ -> BROKER + "?service=" + this.name + "&protocol=communica";
			};
		}

		/**
		 * Over RabbitMQ, remove the durable queues communica's protocol leaves behind:
		 * the connect queue and the two queues of each client. Nothing to do on the other
		 * wires.
		 */
		void deleteBrokerQueues() {
			if (this.wire != RMQ) {
				return;
			}
			try (com.rabbitmq.client.Connection connection = RabbitBroker.plainConnection()) {
				com.rabbitmq.client.Channel channel = connection.createChannel();
				for (String queue : new String[] { "connect.server", "toClient." + this.name + "-py",
						"toServer." + this.name + "-py", "toClient." + COMM_CLIENT, "toServer." + COMM_CLIENT }) {
					channel.queueDelete("communica." + this.name + "." + queue);
				}
			}
			catch (Exception ex) {
				// a leftover queue harms no other test: every name is unique
			}
		}

		/** The communica connector of a client: it trusts the test CA over tls. */
		Map<String, Object> clientConnector() {
			return switch (this.wire) {
				case TCP -> Map.of("type", "tcp", "host", "127.0.0.1", "port", this.port);
				case TLS -> Map.of("type", "tcp", "host", "127.0.0.1", "port", this.port, "ca",
						TLS_DIR.resolve("ca.crt").toString());
				case UNIX, LOCAL -> Map.of("type", "local", "name", this.name);
				// the connector's client id names the durable queues: stable per
				// endpoint,
				// so that a restarted client takes its queues over
				case RMQ -> Map.of("type", "rmq", "url", BROKER, "address", this.name, "client_id", this.name + "-py");
			};
		}

		/**
		 * The communica connector of a server: it presents the test server certificate
		 * over tls.
		 */
		Map<String, Object> serverConnector() {
			if (this.wire == RMQ) {
				return Map.of("type", "rmq", "url", BROKER, "address", this.name);
			}
			if (this.wire == TLS) {
				return Map.of("type", "tcp", "host", "127.0.0.1", "port", this.port, "cert",
						TLS_DIR.resolve("server.crt").toString(), "key", TLS_DIR.resolve("server.key").toString());
			}
			return clientConnector();
		}

	}

}
