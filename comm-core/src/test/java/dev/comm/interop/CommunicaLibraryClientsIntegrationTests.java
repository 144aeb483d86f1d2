package dev.comm.interop;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
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

import dev.comm.RequesterFaultException;
import dev.comm.ResponderFaultException;
import dev.comm.client.CommPeer;
import dev.comm.handler.CommHandler;
import dev.comm.handler.OnCommRequest;
import dev.comm.testing.CommTestNode;
import dev.comm.testing.CommunicaLibraryProcess;
import dev.comm.testing.RabbitBroker;
import dev.comm.testing.TestTls;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Unmodified communica {@code RouteClient}s and {@code SimpleClient}s calling a comm
 * listener over every communica connector: replies, every error kind, throws, 1 MB
 * payloads, 200 requests at once, comm calling the client back, and reconnection after
 * either side restarts. One Python process serves the whole class.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CommunicaLibraryClientsIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(15);

	/** communica's client and comm's listener both pause up to 10 s between attempts. */
	private static final Duration BROKER_WAIT = Duration.ofSeconds(60);

	@TempDir
	static Path dir;

	private static CommunicaLibraryProcess communica;

	private final Shop shop = new Shop();

	private Kind kind;

	private final List<CommTestNode> nodes = new ArrayList<>();

	private String client;

	private LibraryWire.Endpoint endpoint;

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
		if (this.client != null) {
			communica.send(Map.of("cmd", "close", "name", this.client));
		}
		this.nodes.forEach(CommTestNode::close);
		if (this.endpoint != null) {
			this.endpoint.deleteBrokerQueues();
		}
	}

	static Stream<Arguments> wiresAndKinds() {
		return Stream.of(LibraryWire.values())
			.flatMap((wire) -> Stream.of(Kind.values()).map((kind) -> Arguments.of(wire, kind)));
	}

	@ParameterizedTest(name = "{1} over {0}")
	@MethodSource("wiresAndKinds")
	void repliesAndEveryErrorKindReachTheCommunicaClient(LibraryWire wire, Kind kind) {
		connect(wire, kind);
		assertThat(request(kind, "shop.quote", Map.of("item", "tea", "quantity", 3)))
			.isEqualTo(Map.of("body", Map.of("item", "tea", "quantity", 3, "total", 7.5)));
		assertThat(request(kind, "shop.reject", Map.of("item", "tea", "quantity", 0)))
			.isEqualTo(Map.of("error", "ReqError", "code", 7, "message", "quantity must be positive"));
		assertThat(request(kind, "shop.unavailable", Map.of("item", "tea", "quantity", 1)))
			.isEqualTo(Map.of("error", "RespError", "code", 9, "message", "the stock service is down"));
		Map<String, Object> crash = request(kind, "shop.crash", null);
		assertThat(crash).containsEntry("error", "UnknownError").containsEntry("code", null);
		assertThat((String) crash.get("message")).contains("failed (error id ")
			.doesNotContain("inventory index is corrupt");
		Map<String, Object> notAnOrder = Kind.ROUTE.command("request", this.client, "shop.quote", "not an order");
		Map<String, Object> undecodable = communica.call(notAnOrder, WAIT);
		assertThat(undecodable).containsEntry("error", "SerializerError").containsKey("message");
		if (kind == Kind.ROUTE) {
			assertThat(request(kind, "shop.nothing", 1)).containsOnlyKeys("error", "code", "message")
				.containsEntry("error", "ReqError")
				.containsEntry("code", null)
				.containsEntry("message", "Route \"shop.nothing\" is not defined");
		}
	}

	@ParameterizedTest(name = "{1} over {0}")
	@MethodSource("wiresAndKinds")
	void throwsReachCommHandlers(LibraryWire wire, Kind kind) throws InterruptedException {
		connect(wire, kind);
		communica.call(kind.command("throw", this.client, "shop.note", Map.of("text", "restock tea")), WAIT);
		communica.call(kind.command("throw", this.client, "shop.note", Map.of("text", "order rice")), WAIT);
		// comm runs throws on handler threads, so they may be handled in either order
		List<Note> received = List.of(this.shop.notes.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS),
				this.shop.notes.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS));
		assertThat(received).containsExactlyInAnyOrder(new Note("restock tea"), new Note("order rice"));
	}

	@ParameterizedTest(name = "{1} over {0}")
	@MethodSource("wiresAndKinds")
	void twoHundredConcurrentMegabyteRequestsEachGetTheirOwnReply(LibraryWire wire, Kind kind) {
		connect(wire, kind);
		String megabyte = "0123456789abcdef".repeat(64 * 1024);
		Map<String, Object> large = request(kind, "shop.echo", Map.of("i", -1, "pad", megabyte));
		assertThat(large).isEqualTo(Map.of("body", Map.of("i", -1, "pad", megabyte)));
		Map<String, Object> command = kind.command("concurrent", this.client, "shop.echo", null);
		command.put("count", 200);
		command.put("pad", "x".repeat(1000));
		if (kind == Kind.SIMPLE) {
			command.put("wrap", "shop.echo");
		}
		List<?> replies = (List<?>) communica.call(command, WAIT).get("replies");
		assertThat(replies).hasSize(200);
		for (int i = 0; i < 200; i++) {
			assertThat(replies.get(i)).isEqualTo(Map.of("body", Map.of("i", i, "pad", "x".repeat(1000))));
		}
	}

	@ParameterizedTest(name = "{1} over {0}")
	@MethodSource("wiresAndKinds")
	void commHandlerCallsTheCommunicaClientBackBeforeReplying(LibraryWire wire, Kind kind) {
		connect(wire, kind);
		Map<String, Object> answer = request(kind, "shop.ask-caller", Map.of("a", 2, "b", 40));
		Object sum = (kind == Kind.ROUTE) ? 42 : Map.of("a", 2, "b", 40);
		assertThat(answer).isEqualTo(Map.of("body", Map.of("sum", sum, "clientId", "py-" + this.client)));
	}

	@ParameterizedTest(name = "{1} over {0}")
	@MethodSource("wiresAndKinds")
	void communicaClientReconnectsToARestartedCommListenerAndAfterItsOwnRestart(LibraryWire wire, Kind kind) {
		LibraryWire.Endpoint endpoint = connect(wire, kind);
		assertThat(request(kind, "shop.echo", "before")).isEqualTo(Map.of("body", "before"));
		this.nodes.remove(0).close();
		// a request sent before communica saw the link drop would be lost: it has no
		// timeout
		communica.call(Map.of("cmd", "await_link", "name", this.client, "up", false), WAIT);
		listen(wire, endpoint);
		// communica's client dials again by itself, its request waiting for the link
		assertThat(request(kind, "shop.echo", "after the listener restarted"))
			.isEqualTo(Map.of("body", "after the listener restarted"));
		communica.call(Map.of("cmd", "close", "name", this.client), WAIT);
		communica.call(kind.connect(this.client, endpoint), WAIT);
		assertThat(request(kind, "shop.echo", "after the client restarted"))
			.isEqualTo(Map.of("body", "after the client restarted"));
	}

	@Test
	@Timeout(value = 90, unit = TimeUnit.SECONDS)
	void communicaClientAndCommListenerBothComeBackAfterTheBrokerRestarts() throws Exception {
		RabbitBroker.assumeAvailable();
		connect(LibraryWire.RMQ, Kind.ROUTE);
		assertThat(request(Kind.ROUTE, "shop.echo", "before")).isEqualTo(Map.of("body", "before"));
		try {
			RabbitBroker.rabbitmqctl("stop_app");
			communica.call(Map.of("cmd", "await_link", "name", this.client, "up", false), WAIT);
		}
		finally {
			RabbitBroker.rabbitmqctl("start_app");
			RabbitBroker.rabbitmqctl("await_startup");
		}
		// the listener consumes its connect queue again and communica dials again, each
		// with its own back-off; a request made before the link is back would wait
		// without a timeout
		communica.call(Map.of("cmd", "await_link", "name", this.client, "up", true), BROKER_WAIT);
		assertThat(request(Kind.ROUTE, "shop.echo", "after the broker restarted"))
			.isEqualTo(Map.of("body", "after the broker restarted"));
	}

	private LibraryWire.Endpoint connect(LibraryWire wire, Kind kind) {
		LibraryWire.Endpoint endpoint = wire.endpoint();
		this.endpoint = endpoint;
		this.kind = kind;
		listen(wire, endpoint);
		this.client = kind.name().toLowerCase() + "-" + wire + "-" + System.nanoTime();
		communica.call(kind.connect(this.client, endpoint), WAIT);
		return endpoint;
	}

	private void listen(LibraryWire wire, LibraryWire.Endpoint endpoint) {
		// only the SimpleClient's node has a fallback method: with one, no route is
		// unknown
		Object[] handlers = (this.kind == Kind.SIMPLE) ? new Object[] { this.shop, new UnroutedShop(this.shop) }
				: new Object[] { this.shop };
		CommTestNode.Builder builder = CommTestNode.builder().handlers(handlers).maxFrameSize(4 * 1024 * 1024);
		if (wire.tls()) {
			builder.tls(TestTls.server());
		}
		CommTestNode node = builder.build();
		this.nodes.add(node);
		node.listen(endpoint.commUri());
	}

	private Map<String, Object> request(Kind kind, String route, Object payload) {
		return communica.call(kind.command("request", this.client, route, payload), WAIT);
	}

	/**
	 * communica's two client styles. A SimpleClient's requests carry no route; they reach
	 * comm's {@code @OnCommRequest} method, here told by the payload which route to act
	 * as.
	 */
	enum Kind {

		ROUTE, SIMPLE;

		Map<String, Object> connect(String name, LibraryWire.Endpoint endpoint) {
			return Map.of("cmd", "connect", "kind", name().toLowerCase(), "name", name, "client_id", "py-" + name,
					"connector", endpoint.clientConnector());
		}

		Map<String, Object> command(String command, String name, String route, Object payload) {
			Map<String, Object> call = new LinkedHashMap<>();
			call.put("cmd", command);
			call.put("name", name);
			if (this == ROUTE) {
				call.put("route", route);
				call.put("payload", payload);
			}
			else {
				Map<String, Object> routed = new LinkedHashMap<>();
				routed.put("op", route);
				routed.put("payload", payload);
				call.put("payload", routed);
			}
			return call;
		}

		@Override
		public String toString() {
			return name().toLowerCase();
		}

	}

	record Order(String item, int quantity) {

	}

	record Quote(String item, int quantity, double total) {

	}

	record Note(String text) {

	}

	/**
	 * What a SimpleClient sends: the route to act as and its payload.
	 */
	record Unrouted(String op, tools.jackson.databind.JsonNode payload) {

	}

	/**
	 * comm handlers the communica clients call.
	 */
	static final class Shop {

		final BlockingQueue<Note> notes = new LinkedBlockingQueue<>();

		@CommHandler("shop.echo")
		Object echo(Object anything) {
			return anything;
		}

		@CommHandler("shop.quote")
		Quote quote(Order order) {
			return new Quote(order.item(), order.quantity(), order.quantity() * 2.5);
		}

		@CommHandler("shop.reject")
		Quote reject(Order order) {
			throw new RequesterFaultException(7, "quantity must be positive");
		}

		@CommHandler("shop.unavailable")
		Quote unavailable(Order order) {
			throw new ResponderFaultException(9, "the stock service is down");
		}

		@CommHandler("shop.crash")
		Quote crash() {
			throw new IllegalStateException("inventory index is corrupt");
		}

		@CommHandler("shop.note")
		void note(Note note) {
			this.notes.add(note);
		}

		@CommHandler("shop.ask-caller")
		Map<String, Object> askCaller(Map<String, Integer> numbers, CommPeer caller) {
			// goes back over the connection the request came on, before replying; a
			// SimpleClient's one handler echoes
			Object sum = caller.request("py.add", numbers, Object.class);
			return Map.of("sum", sum, "clientId", caller.clientId());
		}

	}

	/**
	 * The SimpleClient's entry: its requests carry no route, so they reach the fallback
	 * method, which acts as the route the payload names.
	 */
	static final class UnroutedShop {

		private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper
			.builder()
			.build();

		private final Shop shop;

		UnroutedShop(Shop shop) {
			this.shop = shop;
		}

		@OnCommRequest
		@SuppressWarnings("unchecked")
		Object unrouted(Unrouted call, CommPeer caller) {
			return switch (call.op()) {
				case "shop.echo" -> call.payload();
				case "shop.quote" -> this.shop.quote(JSON.treeToValue(call.payload(), Order.class));
				case "shop.reject" -> this.shop.reject(null);
				case "shop.unavailable" -> this.shop.unavailable(null);
				case "shop.crash" -> this.shop.crash();
				case "shop.note" -> {
					this.shop.note(JSON.treeToValue(call.payload(), Note.class));
					yield null;
				}
				case "shop.ask-caller" -> this.shop.askCaller(JSON.treeToValue(call.payload(), Map.class), caller);
				default -> throw new RequesterFaultException(1, "no such op " + call.op());
			};
		}

	}

}
