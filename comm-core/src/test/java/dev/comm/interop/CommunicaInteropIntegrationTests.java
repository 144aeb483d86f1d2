package dev.comm.interop;

import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import dev.comm.CommConnectionLostException;
import dev.comm.CommErrorKind;
import dev.comm.CommNoRouteException;
import dev.comm.CommRemoteException;
import dev.comm.RequesterFaultException;
import dev.comm.ResponderFaultException;
import dev.comm.address.CommAddress;
import dev.comm.client.CommClient;
import dev.comm.client.CommPeer;
import dev.comm.client.ReplyType;
import dev.comm.handler.CommHandler;
import dev.comm.internal.server.DefaultCommListener;
import dev.comm.testing.CommTestNode;
import dev.comm.testing.CommunicaPeerProcess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * comm against {@code src/test/python/communica_peer.py}, which behaves on the wire like
 * an unmodified communica 0.4.2 peer: a communica client calling comm handlers, comm
 * calling a communica server, and byte-level checks that comm sends a communica peer
 * nothing it does not understand. Every scenario runs over tcp and over unix sockets.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CommunicaInteropIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	/** Short enough that several intervals pass while a test idles. */
	private static final Duration HEARTBEAT = Duration.ofMillis(100);

	/** Longer than the three silent intervals after which comm drops a comm peer. */
	private static final Duration IDLE = HEARTBEAT.multipliedBy(6);

	private static final byte FRAME_MESSAGE = 0x0A;

	private static final byte[] CLOSE_NOTIFY = { 0, 0, 0, 1, 0x14 };

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	Path dir;

	private final Deque<AutoCloseable> resources = new ArrayDeque<>();

	@AfterEach
	void closeResources() throws Exception {
		// newest first, so comm nodes stop before the peer processes they talk to
		Exception failure = null;
		while (!this.resources.isEmpty()) {
			try {
				this.resources.pop().close();
			}
			catch (Exception ex) {
				if (failure == null) {
					failure = ex;
				}
				else {
					failure.addSuppressed(ex);
				}
			}
		}
		if (failure != null) {
			throw failure;
		}
	}

	private <T extends AutoCloseable> T track(T resource) {
		this.resources.push(resource);
		return resource;
	}

	@Nested
	class CommunicaClientCallsComm {

		private final ShopHandlers shop = new ShopHandlers();

		private CommTestNode server;

		@OverEachWire
		void communicaClientGetsTheRecordsAndMapsCommHandlersReturn(Wire wire) {
			List<Map<String, Object>> lines = run(wire,
					List.of(request("shop.quote", Map.of("item", "tea", "quantity", 3)),
							request("shop.totals", Map.of("tea", List.of(1, 2), "rice", List.of(10)))))
				.lines();
			assertThat(lines.get(0)).containsEntry("type", 11)
				.containsEntry("body", Map.of("item", "tea", "quantity", 3, "total", 7.5));
			assertThat(lines.get(1)).containsEntry("type", 11).containsEntry("body", Map.of("tea", 3, "rice", 10));
		}

		@OverEachWire
		void requesterFaultReachesTheCommunicaClientAsType41WithItsCode(Wire wire) {
			Map<String, Object> line = run(wire, List.of(request("shop.reject", Map.of("item", "tea", "quantity", 0))))
				.lines()
				.get(0);
			assertThat(errorBody(line, 41)).containsOnlyKeys("code", "message")
				.containsEntry("code", 7)
				.containsEntry("message", "quantity must be positive");
		}

		@OverEachWire
		void responderFaultReachesTheCommunicaClientAsType51WithItsCode(Wire wire) {
			Map<String, Object> line = run(wire,
					List.of(request("shop.unavailable", Map.of("item", "tea", "quantity", 1))))
				.lines()
				.get(0);
			assertThat(errorBody(line, 51)).containsOnlyKeys("code", "message")
				.containsEntry("code", 9)
				.containsEntry("message", "the stock service is down");
		}

		@OverEachWire
		void unexpectedHandlerExceptionReachesTheCommunicaClientAsType30(Wire wire) {
			Map<String, Object> line = run(wire, List.of(request("shop.crash", null))).lines().get(0);
			Map<String, Object> body = errorBody(line, 30);
			assertThat(body).containsOnlyKeys("code", "message").containsEntry("code", null);
			assertThat((String) body.get("message")).contains("failed (error id ")
				.doesNotContain("inventory index is corrupt");
		}

		@OverEachWire
		void unknownRouteReachesTheCommunicaClientAsType41InCommunicaWords(Wire wire) {
			Map<String, Object> line = run(wire, List.of(request("shop.nothing", 1))).lines().get(0);
			assertThat(errorBody(line, 41)).containsOnlyKeys("code", "message")
				.containsEntry("code", null)
				.containsEntry("message", "Route \"shop.nothing\" is not defined");
		}

		@OverEachWire
		void undecodablePayloadReachesTheCommunicaClientAsType42WithOnlyAMessage(Wire wire) {
			Map<String, Object> line = run(wire, List.of(request("shop.quote", "not an order"))).lines().get(0);
			assertThat(errorBody(line, 42)).containsOnlyKeys("message");
		}

		@OverEachWire
		void communicaThrowsReachCommHandlersAndAreNeverAnswered(Wire wire) throws InterruptedException {
			PeerRun run = run(wire,
					List.of(throwTo("shop.note", Map.of("text", "restock tea")), throwTo("shop.nothing", "lost"),
							throwTo("shop.crash", null), sleep(0.3),
							request("shop.quote", Map.of("item", "tea", "quantity", 1))));
			assertThat(this.shop.notes.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(new Note("restock tea"));
			await("both failed throws to be counted").until(() -> this.server.dispatcher().getFailedThrows() == 2);
			assertThat(run.lines().get(4)).containsEntry("type", 11);
			// an answer to a throw would reach the peer as a response for id ""
			assertThat(run.stderr()).doesNotContain("dropping response");
		}

		@OverEachWire
		void commHandlerCallsTheCommunicaClientBackBeforeReplying(Wire wire) {
			Map<String, Object> line = run(wire, List.of(request("shop.ask-caller", Map.of("a", 2, "b", 40)))).lines()
				.get(0);
			assertThat(line).containsEntry("type", 11)
				.containsEntry("body", Map.of("sum", 42, "caller", "python-client", "clientId", "py-7"));
		}

		private PeerRun run(Wire wire, List<Map<String, Object>> script) {
			this.server = track(CommTestNode.builder().handlers(this.shop).build());
			DefaultCommListener listener = this.server
				.listen(wire.commListenUri(CommunicaInteropIntegrationTests.this.dir));
			return runClient(wire.peerArgs(listener.address()), script);
		}

	}

	@Nested
	class CommCallsCommunicaServer {

		private CommunicaPeerProcess peer;

		@OverEachWire
		void recordsAndGenericTypesRoundTripThroughTheCommunicaEchoRoute(Wire wire) {
			CommClient comm = connect(wire);
			Order order = new Order("tea", 3);
			assertThat(comm.request("echo", order, Order.class)).isEqualTo(order);
			List<Order> orders = List.of(order, new Order("rice", 1));
			assertThat(comm.request("echo", orders, new ReplyType<List<Order>>() {
			})).isEqualTo(orders);
			Map<String, List<Order>> byCustomer = Map.of("ann", orders, "bob", List.of());
			assertThat(comm.request("echo", byCustomer, new ReplyType<Map<String, List<Order>>>() {
			})).isEqualTo(byCustomer);
		}

		@OverEachWire
		void communicaHandlersComputeRepliesForComm(Wire wire) throws Exception {
			CommClient comm = connect(wire);
			assertThat(comm.request("upper", "hello comm", String.class)).isEqualTo("HELLO COMM");
			// the peer escapes non-ASCII characters in
			// its JSON while comm writes them as UTF-8
			assertThat(comm.request("upper", "grüße, ünïcödé", String.class)).isEqualTo("GRÜSSE, ÜNÏCÖDÉ");
			assertThat(comm.request("py.add", Map.of("a", 2, "b", 40), Integer.class)).isEqualTo(42);
			assertThat(comm.requestAsync("py.add", Map.of("a", 1.5, "b", 2), Double.class)
				.get(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(3.5);
		}

		@OverEachWire
		void payloadsSpanningManySocketReadsRoundTrip(Wire wire) {
			CommClient comm = connect(wire);
			String large = "0123456789abcdef".repeat(32 * 1024);
			assertThat(comm.request("echo", large, String.class)).isEqualTo(large);
		}

		@OverEachWire
		void communicaRequesterErrorBecomesARequesterFaultWithItsCode(Wire wire) {
			CommClient comm = connect(wire);
			assertThatExceptionOfType(CommRemoteException.class)
				.isThrownBy(() -> comm.request("req_error", "x", String.class))
				.satisfies((ex) -> {
					assertThat(ex).isNotInstanceOf(CommNoRouteException.class);
					assertThat(ex.getKind()).isEqualTo(CommErrorKind.REQUESTER_FAULT);
					assertThat(ex.getCode()).isEqualTo(7);
					assertThat(ex.getRemoteMessage()).isEqualTo("bad input");
					assertThat(ex.getRoute()).isEqualTo("req_error");
				});
		}

		@OverEachWire
		void communicaResponderErrorBecomesAResponderFaultWithItsCode(Wire wire) {
			CommClient comm = connect(wire);
			assertThatExceptionOfType(CommRemoteException.class)
				.isThrownBy(() -> comm.request("resp_error", "x", String.class))
				.satisfies((ex) -> {
					assertThat(ex.getKind()).isEqualTo(CommErrorKind.RESPONDER_FAULT);
					assertThat(ex.getCode()).isEqualTo(9);
					assertThat(ex.getRemoteMessage()).isEqualTo("responder broke");
				});
		}

		@OverEachWire
		void communicaHandlerCrashBecomesHandlerFailed(Wire wire) {
			CommClient comm = connect(wire);
			assertThatExceptionOfType(CommRemoteException.class)
				.isThrownBy(() -> comm.request("crash", "x", String.class))
				.satisfies((ex) -> {
					assertThat(ex.getKind()).isEqualTo(CommErrorKind.HANDLER_FAILED);
					assertThat(ex.getCode()).isNull();
					assertThat(ex.getRemoteMessage()).isEqualTo("boom");
				});
		}

		@OverEachWire
		void unknownCommunicaRouteFailsAtOnceWithNoRoute(Wire wire) {
			CommClient comm = connect(wire, Duration.ofSeconds(15));
			comm.request("upper", "connected", String.class);
			long start = System.nanoTime();
			assertThatExceptionOfType(CommNoRouteException.class)
				.isThrownBy(() -> comm.request("no.such.route", 1, String.class))
				.satisfies((ex) -> {
					assertThat(ex.getKind()).isEqualTo(CommErrorKind.NO_ROUTE);
					assertThat(ex.getCode()).isNull();
					assertThat(ex.getRoute()).isEqualTo("no.such.route");
					assertThat(ex.getRemoteMessage()).isEqualTo("Route \"no.such.route\" is not defined");
				});
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
		}

		@OverEachWire
		void throwsToACommunicaRouteArriveInOrder(Wire wire) {
			CommClient comm = connect(wire);
			comm.send("note", Map.of("n", 1));
			comm.send("note", Map.of("n", 2));
			comm.send("note", Map.of("n", 3));
			assertThat(comm.request("notes", null, new ReplyType<List<Map<String, Integer>>>() {
			})).containsExactly(Map.of("n", 1), Map.of("n", 2), Map.of("n", 3));
		}

		@OverEachWire
		void concurrentRequestsCompleteOutOfOrderEachWithItsOwnReply(Wire wire) throws Exception {
			CommClient comm = connect(wire);
			comm.request("upper", "connected", String.class);
			int count = 10;
			long[] delayMillis = IntStream.range(0, count).mapToLong((i) -> (count - 1 - i) * 100L).toArray();
			long[] elapsedMillis = new long[count];
			List<Integer> completionOrder = Collections.synchronizedList(new ArrayList<>());
			List<CompletableFuture<String>> slow = new ArrayList<>();
			List<CompletableFuture<String>> echoes = new ArrayList<>();
			long start = System.nanoTime();
			for (int i = 0; i < count; i++) {
				int index = i;
				slow.add(comm.requestAsync("slow", delayMillis[i] / 1000.0, String.class).whenComplete((reply, ex) -> {
					elapsedMillis[index] = (System.nanoTime() - start) / 1_000_000;
					completionOrder.add(index);
				}));
				echoes.add(comm.requestAsync("echo", "echo-" + i, String.class));
			}
			List<CompletableFuture<String>> all = new ArrayList<>(slow);
			all.addAll(echoes);
			CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
			assertThat(slow).allSatisfy((reply) -> assertThat(reply.join()).isEqualTo("done"));
			for (int i = 0; i < count; i++) {
				assertThat(echoes.get(i).join()).isEqualTo("echo-" + i);
				// a slow reply matched to the wrong request
				// would complete it before its own delay
				assertThat(elapsedMillis[i]).as("request %d delayed %d ms", i, delayMillis[i])
					.isGreaterThanOrEqualTo(delayMillis[i]);
			}
			// sent longest delay first, so the last
			// request sent came back before the first
			assertThat(completionOrder.indexOf(count - 1)).isLessThan(completionOrder.indexOf(0));
		}

		@OverEachWire
		void requestInFlightFailsAtOnceWhenTheCommunicaServerDies(Wire wire) throws Exception {
			CommClient comm = connect(wire, Duration.ofSeconds(20));
			comm.request("upper", "connected", String.class);
			CompletableFuture<String> reply = comm.requestAsync("slow", 30, String.class);
			this.peer.awaitPrinted("SLOW STARTED", WAIT);
			long start = System.nanoTime();
			this.peer.kill();
			// communica itself would wait forever here;
			// comm fails the request with the link
			assertThatExceptionOfType(ExecutionException.class)
				.isThrownBy(() -> reply.get(WAIT.toMillis(), TimeUnit.MILLISECONDS))
				.withCauseInstanceOf(CommConnectionLostException.class);
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
		}

		@OverEachWire
		void commReconnectsToARestartedCommunicaServer(Wire wire) throws Exception {
			Path dir = CommunicaInteropIntegrationTests.this.dir;
			CommClient comm = connect(wire);
			assertThat(comm.request("whoami", null, String.class)).isEqualTo("python-server");
			// fails once comm has seen the link go; the restart waits for that, because a
			// request made earlier could still be sent on the dying link
			CompletableFuture<String> cutOff = comm.requestAsync("slow", 30, String.class);
			int port = this.peer.port();
			this.peer.close();
			assertThatExceptionOfType(ExecutionException.class)
				.isThrownBy(() -> cutOff.get(WAIT.toMillis(), TimeUnit.MILLISECONDS))
				.withCauseInstanceOf(CommConnectionLostException.class);
			List<String> sameAddress = (port > 0) ? List.of("--tcp", "127.0.0.1:" + port) : wire.peerServerArgs(dir);
			track(CommunicaPeerProcess.server(sameAddress, dir));
			// the connector dials again with back-off; the request waits for the new link
			assertThat(comm.request("whoami", null, String.class)).isEqualTo("python-server");
		}

		@OverEachWire
		void communicaServerCallsBackACommHandlerOnTheClientSide(Wire wire) {
			CommClient comm = connect(wire, new WhoamiHandler());
			assertThat(comm.request("ask_back", null, new ReplyType<Map<String, Object>>() {
			})).isEqualTo(Map.of("answer", "comm answering python"));
		}

		@OverEachWire
		void communicaServerCallingAnUndefinedCommRouteGetsType41(Wire wire) {
			CommClient comm = connect(wire);
			Map<String, Object> answer = comm.request("ask_back", null, new ReplyType<Map<String, Object>>() {
			});
			assertThat(answer).containsOnlyKeys("error_type", "code", "message")
				.containsEntry("error_type", 41)
				.containsEntry("code", null)
				.containsEntry("message", "Route \"whoami\" is not defined");
		}

		private CommClient connect(Wire wire, Object... handlers) {
			return connect(wire, Duration.ofSeconds(5), handlers);
		}

		private CommClient connect(Wire wire, Duration timeout, Object... handlers) {
			Path dir = CommunicaInteropIntegrationTests.this.dir;
			this.peer = track(CommunicaPeerProcess.server(wire.peerServerArgs(dir), dir));
			CommTestNode node = track(CommTestNode.builder().clientId("comm-7").handlers(handlers).build());
			return node.connect(wire.peerServerUri(dir, this.peer.port()), timeout);
		}

	}

	@Nested
	class BytesOnTheWire {

		@OverEachWire
		void commClientHelloIsClientIdJsonEndedByNulAndItsIdleLinkStaysSilent(Wire wire) throws Exception {
			ServerSocketChannel rawServer = track(wire.openRawServer(CommunicaInteropIntegrationTests.this.dir));
			CommTestNode node = track(CommTestNode.builder()
				.clientId("comm-raw")
				.handlers(new WhoamiHandler())
				.heartbeatInterval(HEARTBEAT)
				.build());
			CommClient comm = node.connect(wire.rawServerUri(rawServer), WAIT);
			RawStream raw = track(RawStream.accept(rawServer, WAIT));
			Map<String, Object> hello = json(raw.readUntil((byte) 0, WAIT));
			assertThat(hello).containsEntry("client_id", "comm-raw").containsKey("comm");
			// a server may call its client right after
			// its hello, so both can share a read
			raw.write(concat(nulTerminated("{\"hello\": \"hello\"}"),
					messageFrame(Map.of("id", "s-1", "type", 1, "route", "whoami"), "\"raw\"")));
			Message answer = message(raw.readFrameBody(WAIT));
			assertThat(answer.metadata()).isEqualTo(Map.of("id", "s-1", "type", 11, "route", "whoami"));
			assertThat(answer.payload()).asString(StandardCharsets.UTF_8).isEqualTo("\"comm answering raw\"");

			assertThat(raw.readFor(IDLE)).as("bytes comm sent to an idle communica server").isEmpty();
			assertThat(raw.isEof()).as("comm closed an idle link to a communica server").isFalse();

			CompletableFuture<String> reply = comm.requestAsync("echo", "hi", String.class);
			Message request = message(raw.readFrameBody(WAIT));
			assertThat(request.metadata()).containsOnlyKeys("id", "type", "route")
				.containsEntry("type", 1)
				.containsEntry("route", "echo");
			assertThat(request.metadata().get("id")).isInstanceOf(String.class).isNotEqualTo("");
			assertThat(request.payload()).asString(StandardCharsets.UTF_8).isEqualTo("\"hi\"");
			Map<String, Object> response = new LinkedHashMap<>(request.metadata());
			response.put("type", 11);
			raw.write(messageFrame(response, "\"hi back\""));
			assertThat(reply.get(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("hi back");
		}

		@OverEachWire
		void communicaServerAcceptsTheCommHelloWithItsExtraKey(Wire wire) throws Exception {
			Path dir = CommunicaInteropIntegrationTests.this.dir;
			ServerSocketChannel rawServer = track(wire.openRawServer(dir));
			CommTestNode node = track(CommTestNode.builder().clientId("comm-raw").build());
			node.connector(wire.rawServerUri(rawServer));
			byte[] commHello = track(RawStream.accept(rawServer, WAIT)).readUntil((byte) 0, WAIT);
			assertThat(json(commHello)).containsKey("comm");

			CommunicaPeerProcess peer = track(CommunicaPeerProcess.server(wire.peerServerArgs(dir), dir));
			CommAddress address = CommAddress.parse(wire.peerServerUri(dir, peer.port()));
			RawStream raw = track(RawStream.connect(wire.socketAddress(address)));
			raw.write(nulTerminated(new String(commHello, StandardCharsets.UTF_8)));
			assertThat(json(raw.readUntil((byte) 0, WAIT))).isEqualTo(Map.of("hello", "hello"));
			raw.write(messageFrame(Map.of("id", "q-1", "type", 1, "route", "whoami"), "null"));
			Message response = message(raw.readFrameBody(WAIT));
			assertThat(response.metadata()).isEqualTo(Map.of("id", "q-1", "type", 11, "route", "whoami"));
			assertThat(response.payload()).asString(StandardCharsets.UTF_8).isEqualTo("\"python-server\"");
			assertThat(peer.stderr()).doesNotContain("handshake failed");
		}

		@OverEachWire
		void commServerAnswersARawCommunicaClientWithMessageFramesOnly(Wire wire) throws Exception {
			CommTestNode node = track(
					CommTestNode.builder().handlers(new ShopHandlers()).heartbeatInterval(HEARTBEAT).build());
			DefaultCommListener listener = node.listen(wire.commListenUri(CommunicaInteropIntegrationTests.this.dir));
			RawStream raw = track(RawStream.connect(wire.socketAddress(listener.address())));
			Map<String, Object> request = new LinkedHashMap<>();
			request.put("id", "r-1");
			request.put("type", 1);
			request.put("route", "shop.quote");
			request.put("trace", "abc");
			// hello and first request in one write, as
			// a client that does not wait may send them
			raw.write(concat(nulTerminated("{\"client_id\": \"raw-1\"}"),
					messageFrame(request, "{\"item\": \"tea\", \"quantity\": 2}")));
			assertThat(json(raw.readUntil((byte) 0, WAIT))).containsEntry("hello", "hello");
			Message reply = message(raw.readFrameBody(WAIT));
			// communica routes a response by the echoed route; unknown keys come back too
			assertThat(reply.metadata())
				.isEqualTo(Map.of("id", "r-1", "type", 11, "route", "shop.quote", "trace", "abc"));
			assertThat(json(reply.payload())).isEqualTo(Map.of("item", "tea", "quantity", 2, "total", 5.0));

			assertThat(raw.readFor(IDLE)).as("bytes comm sent to an idle communica client").isEmpty();
			assertThat(raw.isEof()).as("comm closed an idle link to a communica client").isFalse();

			raw.write(messageFrame(Map.of("id", "r-2", "type", 1, "route", "shop.nothing"), "null"));
			Message error = message(raw.readFrameBody(WAIT));
			assertThat(error.metadata()).isEqualTo(Map.of("id", "r-2", "type", 41, "route", "shop.nothing"));
			assertThat(json(error.payload())).containsOnlyKeys("code", "message").containsEntry("code", null);

			raw.write(CLOSE_NOTIFY);
			assertThat(raw.awaitEof(WAIT)).as("comm closed after the close notify").isTrue();
			assertThat(raw.readFor(Duration.ZERO)).as("bytes comm sent after the close notify").isEmpty();
		}

		@OverEachWire
		void communicaClientStaysConnectedWhileCommServerIdlesWithHeartbeatsOn(Wire wire) {
			CommTestNode node = track(
					CommTestNode.builder().handlers(new ShopHandlers()).heartbeatInterval(HEARTBEAT).build());
			DefaultCommListener listener = node.listen(wire.commListenUri(CommunicaInteropIntegrationTests.this.dir));
			Map<String, Object> order = Map.of("item", "tea", "quantity", 1);
			PeerRun run = runClient(wire.peerArgs(listener.address()), List.of(request("shop.quote", order),
					sleep(IDLE.toMillis() / 1000.0), request("shop.quote", order)));
			assertThat(run.lines().get(0)).containsEntry("type", 11);
			assertThat(run.lines().get(2)).containsEntry("type", 11);
			assertThat(run.stderr()).doesNotContain("unknown frame code");
		}

		@OverEachWire
		void idleCommClientWithHeartbeatsOnKeepsItsCommunicaConnection(Wire wire) throws Exception {
			Path dir = CommunicaInteropIntegrationTests.this.dir;
			CommunicaPeerProcess peer = track(CommunicaPeerProcess.server(wire.peerServerArgs(dir), dir));
			CommTestNode node = track(CommTestNode.builder().heartbeatInterval(HEARTBEAT).build());
			CommClient comm = node.connect(wire.peerServerUri(dir, peer.port()), WAIT);
			assertThat(comm.request("whoami", null, String.class)).isEqualTo("python-server");
			Thread.sleep(IDLE.toMillis());
			assertThat(comm.request("whoami", null, String.class)).isEqualTo("python-server");
			// the peer logs every connection it loses and every frame code it rejects
			assertThat(peer.stderr()).doesNotContain("unknown frame code")
				.doesNotContain("EOF")
				.doesNotContain("connection lost");
		}

	}

	private PeerRun runClient(List<String> where, List<Map<String, Object>> script) {
		CommunicaPeerProcess client = track(CommunicaPeerProcess.client(where, "py-7", script, this.dir));
		List<Map<String, Object>> lines = client.awaitOutput(WAIT);
		String stderr = client.stderr();
		assertThat(client.exitCode()).as("exit code of the communica client; its log:%n%s", stderr).isZero();
		assertThat(lines).as("op lines of the communica client").hasSize(script.size());
		return new PeerRun(lines, stderr);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> errorBody(Map<String, Object> line, int type) {
		assertThat(line).containsEntry("type", type);
		assertThat(line.get("body")).isInstanceOf(Map.class);
		return (Map<String, Object>) line.get("body");
	}

	private static Map<String, Object> request(String route, Object payload) {
		Map<String, Object> op = new LinkedHashMap<>();
		op.put("op", "request");
		op.put("route", route);
		op.put("payload", payload);
		return op;
	}

	private static Map<String, Object> throwTo(String route, Object payload) {
		Map<String, Object> op = request(route, payload);
		op.put("op", "throw");
		return op;
	}

	private static Map<String, Object> sleep(double seconds) {
		return Map.of("op", "sleep", "seconds", seconds);
	}

	private static Map<String, Object> json(byte[] bytes) {
		return JSON.readValue(bytes, new TypeReference<Map<String, Object>>() {
		});
	}

	private static byte[] concat(byte[] first, byte[] second) {
		byte[] both = Arrays.copyOf(first, first.length + second.length);
		System.arraycopy(second, 0, both, first.length, second.length);
		return both;
	}

	private static byte[] nulTerminated(String json) {
		byte[] text = json.getBytes(StandardCharsets.UTF_8);
		return Arrays.copyOf(text, text.length + 1);
	}

	/**
	 * Encode a message frame by hand, independently of comm's codec: length, code,
	 * meta_end (4 + metadata length), metadata JSON, payload.
	 */
	private static byte[] messageFrame(Map<String, Object> metadata, String payloadJson) {
		byte[] meta = JSON.writeValueAsBytes(metadata);
		byte[] payload = payloadJson.getBytes(StandardCharsets.UTF_8);
		int bodyLength = 1 + 4 + meta.length + payload.length;
		return ByteBuffer.allocate(4 + bodyLength)
			.putInt(bodyLength)
			.put(FRAME_MESSAGE)
			.putInt(4 + meta.length)
			.put(meta)
			.put(payload)
			.array();
	}

	private static Message message(byte[] body) {
		assertThat(body[0]).as("code of a frame comm sent (0x%02X)", body[0]).isEqualTo(FRAME_MESSAGE);
		int metaEnd = ByteBuffer.wrap(body, 1, 4).getInt();
		return new Message(json(Arrays.copyOfRange(body, 5, 1 + metaEnd)),
				Arrays.copyOfRange(body, 1 + metaEnd, body.length));
	}

	/**
	 * What a communica client script printed, one parsed line per op, and what it logged.
	 */
	record PeerRun(List<Map<String, Object>> lines, String stderr) {

	}

	/**
	 * A message frame as read off the wire.
	 */
	record Message(Map<String, Object> metadata, byte[] payload) {

	}

	record Order(String item, int quantity) {

	}

	record Quote(String item, int quantity, double total) {

	}

	record Note(String text) {

	}

	/**
	 * comm handlers a communica client calls.
	 */
	static final class ShopHandlers {

		final BlockingQueue<Note> notes = new LinkedBlockingQueue<>();

		@CommHandler("shop.quote")
		Quote quote(Order order) {
			return new Quote(order.item(), order.quantity(), order.quantity() * 2.5);
		}

		@CommHandler("shop.totals")
		Map<String, Integer> totals(Map<String, List<Integer>> baskets) {
			Map<String, Integer> totals = new TreeMap<>();
			baskets.forEach((name, amounts) -> totals.put(name, amounts.stream().mapToInt(Integer::intValue).sum()));
			return totals;
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
			// both calls go back over the connection the request came on, before replying
			Integer sum = caller.request("py.add", numbers, Integer.class);
			String who = caller.request("whoami", "comm", String.class);
			return Map.of("sum", sum, "caller", who, "clientId", caller.clientId());
		}

	}

	/**
	 * A comm client's handler for the route a communica server calls back.
	 */
	static final class WhoamiHandler {

		@CommHandler("whoami")
		String whoami(String asker) {
			return "comm answering " + asker;
		}

	}

	/**
	 * The stream transports communica has, with where each side listens in a test.
	 */
	enum Wire {

		TCP {
			@Override
			String commListenUri(Path dir) {
				return "tcp://127.0.0.1:0";
			}

			@Override
			List<String> peerServerArgs(Path dir) {
				return List.of("--tcp", "127.0.0.1:0");
			}

			@Override
			String peerServerUri(Path dir, int port) {
				return "tcp://127.0.0.1:" + port;
			}

			@Override
			List<String> peerArgs(CommAddress address) {
				return List.of("--tcp", address.host() + ":" + address.port());
			}

			@Override
			SocketAddress socketAddress(CommAddress address) {
				return new InetSocketAddress(address.host(), address.port());
			}

			@Override
			ServerSocketChannel openRawServer(Path dir) throws IOException {
				return ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
			}

			@Override
			String rawServerUri(ServerSocketChannel server) throws IOException {
				return "tcp://127.0.0.1:" + ((InetSocketAddress) server.getLocalAddress()).getPort();
			}
		},

		UNIX {
			@Override
			String commListenUri(Path dir) {
				return "unix://" + dir.toAbsolutePath().resolve("comm.sock");
			}

			@Override
			List<String> peerServerArgs(Path dir) {
				return List.of("--unix", dir.toAbsolutePath().resolve("communica.sock").toString());
			}

			@Override
			String peerServerUri(Path dir, int port) {
				return "unix://" + dir.toAbsolutePath().resolve("communica.sock");
			}

			@Override
			List<String> peerArgs(CommAddress address) {
				return List.of("--unix", address.path());
			}

			@Override
			SocketAddress socketAddress(CommAddress address) {
				return UnixDomainSocketAddress.of(address.path());
			}

			@Override
			ServerSocketChannel openRawServer(Path dir) throws IOException {
				return ServerSocketChannel.open(StandardProtocolFamily.UNIX)
					.bind(UnixDomainSocketAddress.of(dir.toAbsolutePath().resolve("raw.sock")));
			}

			@Override
			String rawServerUri(ServerSocketChannel server) throws IOException {
				return "unix://" + ((UnixDomainSocketAddress) server.getLocalAddress()).getPath();
			}
		};

		/** Where a comm node listens. */
		abstract String commListenUri(Path dir);

		/** Where the communica server listens, as its command line says it. */
		abstract List<String> peerServerArgs(Path dir);

		/** The comm address of the communica server once it reported its port. */
		abstract String peerServerUri(Path dir, int port);

		/** A comm listener's address as the communica client's command line says it. */
		abstract List<String> peerArgs(CommAddress address);

		abstract SocketAddress socketAddress(CommAddress address);

		abstract ServerSocketChannel openRawServer(Path dir) throws IOException;

		abstract String rawServerUri(ServerSocketChannel server) throws IOException;

		@Override
		public String toString() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/**
	 * Runs a scenario once over each {@link Wire}.
	 */
	@Target(ElementType.METHOD)
	@Retention(RetentionPolicy.RUNTIME)
	@ParameterizedTest(name = "over {0}")
	@EnumSource(Wire.class)
	@interface OverEachWire {

	}

}
