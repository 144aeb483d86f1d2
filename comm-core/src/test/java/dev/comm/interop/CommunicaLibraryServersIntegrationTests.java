package dev.comm.interop;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.comm.CommConnectionLostException;
import dev.comm.CommErrorKind;
import dev.comm.CommException;
import dev.comm.CommNoRouteException;
import dev.comm.CommRemoteException;
import dev.comm.client.CommClient;
import dev.comm.client.ReplyType;
import dev.comm.handler.CommHandler;
import dev.comm.handler.OnCommRequest;
import dev.comm.testing.CommTestNode;
import dev.comm.testing.CommunicaLibraryProcess;
import dev.comm.testing.RabbitBroker;
import dev.comm.testing.TestTls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A comm connector calling unmodified communica {@code RouteServer}s and
 * {@code SimpleServer}s over every communica connector: replies, every error kind,
 * throws, 1 MB payloads, 200 requests at once, the server calling comm back, and
 * reconnection after either side restarts. One Python process serves the whole class.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CommunicaLibraryServersIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(15);

	/** communica's server and comm's connector both pause between attempts. */
	private static final Duration BROKER_WAIT = Duration.ofSeconds(60);

	private static final ReplyType<Map<String, Object>> OBJECT = new ReplyType<>() {
	};

	@TempDir
	static Path dir;

	private static CommunicaLibraryProcess communica;

	private final List<CommTestNode> nodes = new ArrayList<>();

	private String server;

	private LibraryWire.Endpoint endpoint;

	private Kind kind;

	@BeforeAll
	static void startCommunica() {
		communica = CommunicaLibraryProcess.start(dir);
	}

	@AfterAll
	static void stopCommunica() {
		if (communica != null) {
			communica.close();
		}
	}

	@AfterEach
	void closeAll() {
		this.nodes.forEach(CommTestNode::close);
		if (this.server != null && this.endpoint.wire() == LibraryWire.RMQ) {
			// the server must be gone before its queues are deleted, or it consumes
			// again from queues it declares anew
			communica.call(Map.of("cmd", "close", "name", this.server), WAIT);
			this.endpoint.deleteBrokerQueues();
		}
		else if (this.server != null) {
			// not awaited: communica's SimpleServer over tls can fail to close a
			// connection its client closed first
			communica.send(Map.of("cmd", "close", "name", this.server));
		}
	}

	static Stream<Arguments> wiresAndKinds() {
		return Stream.of(LibraryWire.values())
			.flatMap((wire) -> Stream.of(Kind.values()).map((kind) -> Arguments.of(wire, kind)));
	}

	@ParameterizedTest(name = "{1} over {0}")
	@MethodSource("wiresAndKinds")
	void repliesAndEveryErrorKindReachComm(LibraryWire wire, Kind kind) {
		CommClient comm = connect(wire, kind);
		Order order = new Order("tea", 3);
		assertThat(call(comm, "echo", order, Order.class)).isEqualTo(order);
		assertThat(call(comm, "upper", "grüße", String.class)).isEqualTo("GRÜSSE");
		assertThatExceptionOfType(CommRemoteException.class).isThrownBy(() -> call(comm, "req_error", 1, String.class))
			.satisfies((ex) -> {
				assertThat(ex).isNotInstanceOf(CommNoRouteException.class);
				assertThat(ex.getKind()).isEqualTo(CommErrorKind.REQUESTER_FAULT);
				assertThat(ex.getCode()).isEqualTo(7);
				assertThat(ex.getRemoteMessage()).isEqualTo("bad input");
			});
		assertThatExceptionOfType(CommRemoteException.class).isThrownBy(() -> call(comm, "resp_error", 1, String.class))
			.satisfies((ex) -> {
				assertThat(ex.getKind()).isEqualTo(CommErrorKind.RESPONDER_FAULT);
				assertThat(ex.getCode()).isEqualTo(9);
				assertThat(ex.getRemoteMessage()).isEqualTo("responder broke");
			});
		assertThatExceptionOfType(CommRemoteException.class).isThrownBy(() -> call(comm, "crash", 1, String.class))
			.satisfies((ex) -> {
				assertThat(ex.getKind()).isEqualTo(CommErrorKind.HANDLER_FAILED);
				assertThat(ex.getCode()).isNull();
				assertThat(ex.getRemoteMessage()).contains("boom");
			});
		if (kind == Kind.ROUTE) {
			// a route whose serializer takes JSON objects only
			assertThatExceptionOfType(CommRemoteException.class)
				.isThrownBy(() -> comm.request("objects_only", "not an object", String.class))
				.satisfies((ex) -> assertThat(ex.getKind()).isEqualTo(CommErrorKind.BAD_PAYLOAD));
			assertThatExceptionOfType(CommNoRouteException.class)
				.isThrownBy(() -> comm.request("no.such.route", 1, String.class))
				.satisfies(
						(ex) -> assertThat(ex.getRemoteMessage()).isEqualTo("Route \"no.such.route\" is not defined"));
		}
	}

	@ParameterizedTest(name = "{1} over {0}")
	@MethodSource("wiresAndKinds")
	void throwsReachTheCommunicaServerInOrder(LibraryWire wire, Kind kind) {
		CommClient comm = connect(wire, kind);
		String marker = this.server;
		for (int n = 1; n <= 3; n++) {
			if (kind == Kind.ROUTE) {
				comm.send("note", Map.of("n", n, "from", marker));
			}
			else {
				comm.send("any", Map.of("op", "note", "payload", Map.of("n", n, "from", marker)));
			}
		}
		List<Map<String, Object>> notes = call(comm, "notes", null, new ReplyType<List<Map<String, Object>>>() {
		});
		assertThat(notes.stream().filter((note) -> marker.equals(note.get("from"))).toList()).containsExactly(
				Map.of("n", 1, "from", marker), Map.of("n", 2, "from", marker), Map.of("n", 3, "from", marker));
	}

	@ParameterizedTest(name = "{1} over {0}")
	@MethodSource("wiresAndKinds")
	void twoHundredConcurrentRequestsAndAMegabytePayloadEachGetTheirOwnReply(LibraryWire wire, Kind kind)
			throws Exception {
		CommClient comm = connect(wire, kind);
		String megabyte = "0123456789abcdef".repeat(64 * 1024);
		assertThat(call(comm, "echo", megabyte, String.class)).isEqualTo(megabyte);
		List<CompletableFuture<String>> replies = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			replies.add(comm.requestAsync(kind.route("echo"), kind.payload("echo", "echo-" + i), String.class));
		}
		CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new)).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
		for (int i = 0; i < 200; i++) {
			assertThat(replies.get(i).join()).isEqualTo("echo-" + i);
		}
	}

	@ParameterizedTest(name = "{1} over {0}")
	@MethodSource("wiresAndKinds")
	void communicaServerCallsTheCommClientBackBeforeReplying(LibraryWire wire, Kind kind) {
		CommClient comm = connect(wire, kind);
		Map<String, Object> askBack = new LinkedHashMap<>();
		askBack.put("route", "whoami");
		askBack.put("payload", "python");
		askBack.put("client_id", "comm-7");
		Map<String, Object> answer = (kind == Kind.ROUTE) ? comm.request("ask_back", askBack, OBJECT)
				: comm.request("any", withOp("ask_back", askBack), OBJECT);
		String expected = (kind == Kind.ROUTE) ? "comm answering python" : "comm's fallback answering python";
		assertThat(answer).isEqualTo(Map.of("body", expected));
	}

	@ParameterizedTest(name = "{1} over {0}")
	@MethodSource("wiresAndKinds")
	void commReconnectsToARestartedCommunicaServerAndAfterItsOwnRestart(LibraryWire wire, Kind kind) throws Exception {
		LibraryWire.Endpoint endpoint = wire.endpoint();
		CommClient comm = connect(endpoint, kind);
		assertThat(call(comm, "whoami", null, String.class)).isEqualTo("communica-" + this.server);
		// fails once comm has seen the link go; the restart waits for that, because a
		// request made later could still be sent on the dying link
		CompletableFuture<String> cutOff = comm.requestAsync(kind.route("slow"), kind.payload("slow", 30),
				String.class);
		communica.call(Map.of("cmd", "close", "name", this.server), WAIT);
		assertThatExceptionOfType(ExecutionException.class)
			.isThrownBy(() -> cutOff.get(WAIT.toMillis(), TimeUnit.MILLISECONDS))
			.withCauseInstanceOf(CommConnectionLostException.class);
		serve(endpoint, kind);
		// the connector dials again with back-off; the request waits for the new link
		assertThat(call(comm, "whoami", null, String.class)).isEqualTo("communica-" + this.server);
		this.nodes.remove(0).close();
		CommClient restarted = connectComm(endpoint);
		assertThat(call(restarted, "whoami", null, String.class)).isEqualTo("communica-" + this.server);
	}

	@Test
	@Timeout(value = 90, unit = TimeUnit.SECONDS)
	void commConnectorComesBackToACommunicaServerAfterTheBrokerRestarts() throws Exception {
		RabbitBroker.assumeAvailable();
		CommClient comm = connect(LibraryWire.RMQ, Kind.ROUTE);
		assertThat(call(comm, "whoami", null, String.class)).isEqualTo("communica-" + this.server);
		try {
			RabbitBroker.rabbitmqctl("stop_app");
		}
		finally {
			RabbitBroker.rabbitmqctl("start_app");
			RabbitBroker.rabbitmqctl("await_startup");
		}
		// the connector dials again with back-off once it has seen the link go, and
		// communica's server consumes its connect queue again; until both have, a
		// request fails or waits for the link
		String answer = null;
		long deadline = System.nanoTime() + BROKER_WAIT.toNanos();
		while (answer == null && System.nanoTime() < deadline) {
			try {
				answer = call(comm, "whoami", null, String.class);
			}
			catch (CommException ex) {
				Thread.sleep(200);
			}
		}
		assertThat(answer).isEqualTo("communica-" + this.server);
	}

	private CommClient connect(LibraryWire wire, Kind kind) {
		return connect(wire.endpoint(), kind);
	}

	private CommClient connect(LibraryWire.Endpoint endpoint, Kind kind) {
		this.kind = kind;
		serve(endpoint, kind);
		return connectComm(endpoint);
	}

	private void serve(LibraryWire.Endpoint endpoint, Kind kind) {
		this.endpoint = endpoint;
		this.server = kind + "-" + endpoint.wire() + "-" + System.nanoTime();
		communica.call(Map.of("cmd", "serve", "kind", kind.toString(), "name", this.server, "connector",
				endpoint.serverConnector()), WAIT);
	}

	private CommClient connectComm(LibraryWire.Endpoint endpoint) {
		Object handler = (this.kind == Kind.ROUTE) ? new WhoamiHandler() : new FallbackHandler();
		CommTestNode.Builder builder = CommTestNode.builder()
			.clientId(LibraryWire.COMM_CLIENT)
			.handlers(handler)
			.maxFrameSize(4 * 1024 * 1024);
		if (endpoint.wire().tls()) {
			builder.tls(TestTls.client());
		}
		CommTestNode node = builder.build();
		this.nodes.add(node);
		return node.connect(endpoint.commUri(), WAIT);
	}

	/** A request to the route, or to a SimpleServer's one handler told to act as it. */
	private <T> T call(CommClient comm, String route, Object payload, Class<T> type) {
		return comm.request(this.kind.route(route), this.kind.payload(route, payload), type);
	}

	private <T> T call(CommClient comm, String route, Object payload, ReplyType<T> type) {
		return comm.request(this.kind.route(route), this.kind.payload(route, payload), type);
	}

	private static Map<String, Object> withOp(String op, Object payload) {
		Map<String, Object> call = new LinkedHashMap<>();
		call.put("op", op);
		call.put("payload", payload);
		return call;
	}

	/**
	 * communica's two server styles. A SimpleServer has one handler and ignores the
	 * route; the test's handler acts as the route the payload's {@code op} names.
	 */
	enum Kind {

		ROUTE, SIMPLE;

		String route(String route) {
			return (this == ROUTE) ? route : "any";
		}

		Object payload(String route, Object payload) {
			if (this == ROUTE) {
				return payload;
			}
			if (route.equals("echo")) {
				return payload;
			}
			return withOp(route, payload);
		}

		@Override
		public String toString() {
			return name().toLowerCase();
		}

	}

	record Order(String item, int quantity) {

	}

	/**
	 * The comm client's handler for the route a communica RouteServer calls back.
	 */
	static final class WhoamiHandler {

		@CommHandler("whoami")
		String whoami(String asker) {
			return "comm answering " + asker;
		}

	}

	/**
	 * What a communica SimpleServer's unrouted call back reaches.
	 */
	static final class FallbackHandler {

		@OnCommRequest
		String any(String asker) {
			return "comm's fallback answering " + asker;
		}

	}

}
