package dev.comm.transport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.comm.CommConnectionLostException;
import dev.comm.CommErrorKind;
import dev.comm.CommException;
import dev.comm.CommNoRouteException;
import dev.comm.CommRemoteException;
import dev.comm.CommTimeoutException;
import dev.comm.RequesterFaultException;
import dev.comm.ResponderFaultException;
import dev.comm.address.CommAddress;
import dev.comm.client.CommClient;
import dev.comm.client.CommPeer;
import dev.comm.handler.CommHandler;
import dev.comm.internal.client.DefaultCommConnector;
import dev.comm.internal.server.DefaultCommListener;
import dev.comm.protocol.FrameCodec;
import dev.comm.protocol.FrameTooLargeException;
import dev.comm.protocol.Hello;
import dev.comm.protocol.MessageFrame;
import dev.comm.protocol.MessageType;
import dev.comm.protocol.Metadata;
import dev.comm.protocol.Refusal;
import dev.comm.testing.CommTestNode;
import dev.comm.transport.RawPeer.Garbage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * What every transport must do, the same way: one subclass per transport supplies where
 * to listen, where nothing listens, and how to talk to a listener below the link layer.
 * Everything else (handshake, correlation, limits, error mapping) is written once above
 * the transports, so any difference between subclasses' results is a transport bug.
 * <p>
 * Waits are bounded by {@link #AWAIT}, a ceiling that is only reached when something is
 * broken; nothing here asserts how fast a thing happens.
 */
abstract class AbstractTransportContractTests
		implements StreamObservationContract, AuthenticationContract, LinkLimitsContract, LimitsContract,
		HandlerThreadsContract, StreamContract, StreamBadInputContract, StreamResponderBadInputContract {

	/** Ceiling for anything that should happen soon. */
	static final Duration AWAIT = Duration.ofSeconds(10);

	/** Small, so that the limit tests move little data. */
	static final int MAX_FRAME_SIZE = 64 * 1024;

	private static final AtomicInteger clientIds = new AtomicInteger();

	private final List<AutoCloseable> resources = new ArrayList<>();

	final ServerHandlers handlers = new ServerHandlers();

	CommTestNode server;

	DefaultCommListener listener;

	/**
	 * A listen address no other test uses; each call gives a new one.
	 * @return the address URI (a TCP port may be 0)
	 */
	protected abstract String newListenUri();

	/**
	 * An address where nothing listens.
	 * @return the address URI
	 */
	protected abstract String unusedUri() throws Exception;

	/**
	 * Connect below the link layer: nothing is sent until the test says so.
	 * @param address a bound listener address
	 * @return the raw peer
	 */
	protected abstract RawPeer openRawPeer(CommAddress address) throws Exception;

	/**
	 * A builder for the test's nodes, with whatever the transport under test needs.
	 * @return a node builder
	 */
	protected CommTestNode.Builder nodeBuilder() {
		return CommTestNode.builder();
	}

	@Override
	public final String observedListenUri() {
		return newListenUri();
	}

	@Override
	public final CommTestNode.Builder observedNodeBuilder() {
		return nodeBuilder();
	}

	@Override
	public final String authListenUri() {
		return newListenUri();
	}

	@Override
	public final CommTestNode.Builder authNodeBuilder() {
		return nodeBuilder();
	}

	@Override
	public final RawPeer openAuthRawPeer(CommAddress address) throws Exception {
		return openRawPeer(address);
	}

	@Override
	public final String handlerThreadsListenUri() {
		return newListenUri();
	}

	@Override
	public final CommTestNode.Builder handlerThreadsNodeBuilder() {
		return nodeBuilder();
	}

	@Override
	public final String streamListenUri() {
		return newListenUri();
	}

	@Override
	public final CommTestNode.Builder streamNodeBuilder() {
		return nodeBuilder();
	}

	@Override
	public final String streamInputListenUri() {
		return newListenUri();
	}

	@Override
	public final CommTestNode.Builder streamInputNodeBuilder() {
		return nodeBuilder();
	}

	@Override
	public final RawPeer openStreamInputRawPeer(CommAddress address) throws Exception {
		return openRawPeer(address);
	}

	@Override
	public final String limitsListenUri() {
		return newListenUri();
	}

	@Override
	public final CommTestNode.Builder limitsNodeBuilder() {
		return nodeBuilder();
	}

	@Override
	public final RawPeer openLimitsRawPeer(CommAddress address) throws Exception {
		return openRawPeer(address);
	}

	@BeforeEach
	void startServer() {
		this.server = serverNode(nodeBuilder());
		this.listener = this.server.listen(newListenUri());
	}

	@AfterEach
	void closeEverything() throws Exception {
		// blocked handlers first, or stopping the server would wait out its grace period
		this.handlers.release.countDown();
		for (int i = this.resources.size() - 1; i >= 0; i--) {
			this.resources.get(i).close();
		}
	}

	@Test
	void requestRoundTripsARecordBothWays() {
		CommClient comm = connect(Duration.ofSeconds(10));
		assertThat(comm.request("point.move", new Point(1, 2), Point.class)).isEqualTo(new Point(2, 4));
	}

	@Test
	void throwReachesTheHandler() throws Exception {
		CommClient comm = connect(Duration.ofSeconds(10));
		comm.send("note", new Note("fire and forget"));
		assertThat(this.handlers.notes.poll(AWAIT.toMillis(), TimeUnit.MILLISECONDS))
			.isEqualTo(new Note("fire and forget"));
	}

	@Test
	void concurrentRequestsOnOneConnectionCompleteOutOfOrderWithEachReplyMatchedToItsRequest() throws Exception {
		CommClient comm = connect(Duration.ofSeconds(10));
		// connect first, so that every request below goes out on the same link at once
		assertThat(comm.request("length", "warm-up", Integer.class)).isEqualTo(7);
		int count = 100;
		ConcurrentLinkedQueue<Integer> completionOrder = new ConcurrentLinkedQueue<>();
		List<CompletableFuture<String>> replies = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			int index = i;
			replies.add(comm.requestAsync("indexed", index, String.class)
				.whenComplete((reply, ex) -> completionOrder.add(index)));
		}
		assertThat(CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new))).succeedsWithin(AWAIT);
		for (int i = 0; i < count; i++) {
			assertThat(replies.get(i).join()).isEqualTo("reply to " + i);
		}
		List<Integer> sendOrder = IntStream.range(0, count).boxed().toList();
		assertThat(List.copyOf(completionOrder)).containsExactlyInAnyOrderElementsOf(sendOrder).isNotEqualTo(sendOrder);
		assertThat(this.listener.getLinks()).hasSize(1);
	}

	@Test
	void payloadThatJustFitsTheFrameLimitSucceedsAndOneByteMoreIsRejectedLocally() {
		CommClient comm = connect(Duration.ofSeconds(10));
		assertThat(comm.request("length", "warm-up", Integer.class)).isEqualTo(7);
		// comm's request ids are always 32 hex digits, like communica's
		Metadata metadata = Metadata.of("0".repeat(32), MessageType.REQUEST, "length");
		int largestPayload = MAX_FRAME_SIZE - FrameCodec.bodySize(metadata, 0);
		// a JSON string adds its two quotes to the text
		String fits = "a".repeat(largestPayload - 2);
		assertThat(FrameCodec.bodySize(metadata, fits.length() + 2)).isEqualTo(MAX_FRAME_SIZE);

		assertThat(comm.request("length", fits, Integer.class)).isEqualTo(fits.length());
		CommException tooLarge = catchThrowableOfType(() -> comm.request("length", fits + "a", Integer.class),
				CommException.class);
		assertThat(tooLarge).isInstanceOf(FrameTooLargeException.class)
			.isNotInstanceOf(CommRemoteException.class)
			.isNotInstanceOf(CommConnectionLostException.class)
			.hasMessageContaining(String.valueOf(MAX_FRAME_SIZE))
			.hasMessageContaining("comm.max-frame-size");
		assertThat(comm.request("length", "after", Integer.class)).isEqualTo(5);
		// the oversize request never left this side
		assertThat(this.handlers.lengths).containsExactly(7, fits.length(), 5);
		assertThat(this.listener.getLinks()).hasSize(1);
	}

	@Test
	void replyTooLargeForTheFrameLimitReachesTheCallerAsResponderFault() {
		CommClient comm = connect(Duration.ofSeconds(10));
		CommRemoteException failure = catchThrowableOfType(
				() -> comm.request("text", MAX_FRAME_SIZE - 10, String.class), CommRemoteException.class);
		assertThat(failure.getKind()).isEqualTo(CommErrorKind.RESPONDER_FAULT);
		assertThat(failure.getRemoteMessage()).contains(String.valueOf(MAX_FRAME_SIZE));
		assertThat(comm.request("text", 3, String.class)).isEqualTo("aaa");
	}

	/**
	 * The longest request id the transport carries; streams put no bound on it.
	 * @return the length in characters
	 */
	int longestRequestId() {
		return 1000;
	}

	@Test
	void replyWhoseEchoedMetadataPushesItOverTheFrameLimitBecomesAResponderFault() throws Exception {
		try (RawPeer raw = openRawPeer(this.listener.address())) {
			raw.handshake("raw-long-id", AWAIT);
			// any string is a valid id, and a reply
			// echoes it: it counts against the limit
			int idLength = longestRequestId();
			Metadata request = Metadata.of("r".repeat(idLength), MessageType.REQUEST, "text");
			// the reply's payload alone fits with room to spare, not with that metadata
			int replyText = MAX_FRAME_SIZE - idLength / 2 - 100;
			MessageFrame reply = raw.exchange(request, json(String.valueOf(replyText)), AWAIT);
			// not the whole metadata: a failure would print the long id twice
			assertThat(reply.metadata().type()).isEqualTo(MessageType.RESPONDER_FAULT);
			assertThat(reply.metadata().id()).isEqualTo(request.id());
			assertRawPeerStillServed(raw);
		}
	}

	@Test
	void oversizeFrameFromTheWireClosesThatConnectionOnly() throws Exception {
		assertGarbageClosesOnlyTheConnectionThatSentIt(Garbage.OVERSIZE_FRAME);
	}

	@Test
	void requestsInFlightFailFastWithConnectionLostWhenThePeerCloses() throws Exception {
		// far longer than the wait below: the failure must come from the closed link
		CommClient comm = connect(Duration.ofSeconds(30));
		CompletableFuture<String> inFlight = comm.requestAsync("block", "x", String.class);
		assertThat(this.handlers.blocked.await(AWAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();

		this.listener.stop(Duration.ZERO);

		assertThat(inFlight).failsWithin(Duration.ofSeconds(5))
			.withThrowableOfType(ExecutionException.class)
			.withCauseInstanceOf(CommConnectionLostException.class);
	}

	@Test
	void clientReconnectsWhenTheServerRestartsOnTheSameAddress() throws Exception {
		CommTestNode clientNode = clientNode();
		String address = this.listener.address().format();
		DefaultCommConnector connector = clientNode.connector(address);
		CommClient comm = clientNode.client(connector, Duration.ofSeconds(10));
		assertThat(comm.request("point.move", new Point(1, 1), Point.class)).isEqualTo(new Point(2, 2));

		this.server.close();
		awaitClientNoticesServerGone(connector);
		CompletableFuture<Point> madeWhileDown = comm.requestAsync("point.move", new Point(2, 2), Point.class);
		assertThat(madeWhileDown).isNotDone();

		this.server = serverNode(nodeBuilder());
		this.listener = this.server.listen(address);

		assertThat(madeWhileDown).succeedsWithin(AWAIT).isEqualTo(new Point(3, 4));
		assertThat(comm.request("point.move", new Point(3, 3), Point.class)).isEqualTo(new Point(4, 6));
	}

	/**
	 * Wait until the client has seen the server go away.
	 * @param connector the client's connector
	 */
	void awaitClientNoticesServerGone(DefaultCommConnector connector) throws InterruptedException {
		await("the client to see the server go").atMost(AWAIT).until(() -> !connector.isConnected());
	}

	@Test
	void connectionThatNeverSaysHelloIsClosedAfterTheHandshakeTimeout() throws Exception {
		CommTestNode strict = serverNode(nodeBuilder().handshakeTimeout(Duration.ofMillis(200)));
		DefaultCommListener strictListener = strict.listen(newListenUri());
		if (transportKnowsThePeer(strict, strictListener)) {
			assertPeerKnownToTheTransportIsServedWithoutAHello(strictListener);
			return;
		}
		try (RawPeer raw = openRawPeer(strictListener.address())) {
			// the listener speaks first, then waits for a hello that never comes
			assertThat(raw.receive(AWAIT)).isInstanceOf(Hello.class);
			assertThat(raw.awaitClosed(AWAIT)).isTrue();
		}
		assertThat(strictListener.getLinks()).isEmpty();
	}

	/**
	 * Ask the transport whether its connections know the peer without a hello exchange
	 * ({@link Connection#knownPeer()}).
	 */
	private boolean transportKnowsThePeer(CommTestNode node, DefaultCommListener target) throws Exception {
		CommAddress address = target.address();
		Connection probe = node.transports()
			.forScheme(address.scheme())
			.connect(address, node.transportSettings())
			.get(AWAIT.toMillis(), TimeUnit.MILLISECONDS);
		try {
			return probe.knownPeer().isPresent();
		}
		finally {
			probe.close();
		}
	}

	/**
	 * A transport that knows the peer has no handshake to time out: a caller that never
	 * says hello is served, and its link is open with the id the transport knows.
	 */
	private void assertPeerKnownToTheTransportIsServedWithoutAHello(DefaultCommListener target) throws Exception {
		try (RawPeer raw = openRawPeer(target.address())) {
			assertRawPeerStillServed(raw);
			assertThat(target.getLinks()).singleElement().satisfies((link) -> {
				assertThat(link.isOpen()).isTrue();
				assertThat(link.peerClientId()).isNotNull();
			});
		}
	}

	@Test
	void helloWithoutClientIdIsRefusedAndClosed() throws Exception {
		try (RawPeer raw = openRawPeer(this.listener.address())) {
			raw.send(new Hello(Map.of("hello", "hello")));
			assertThat(raw.receive(AWAIT)).isInstanceOf(Hello.class);
			assertThat(raw.receive(AWAIT)).isInstanceOfSatisfying(Refusal.class,
					(refusal) -> assertThat(refusal.reason()).contains("client_id"));
			assertThat(raw.awaitClosed(AWAIT)).isTrue();
		}
	}

	@Test
	void randomBytesCloseThatConnectionOnly() throws Exception {
		assertGarbageClosesOnlyTheConnectionThatSentIt(Garbage.NOISE);
	}

	@Test
	void unknownFrameCodeClosesThatConnectionOnly() throws Exception {
		assertGarbageClosesOnlyTheConnectionThatSentIt(Garbage.UNKNOWN_FRAME);
	}

	@Test
	void malformedMetadataClosesThatConnectionOnly() throws Exception {
		assertGarbageClosesOnlyTheConnectionThatSentIt(Garbage.MALFORMED_METADATA);
	}

	@Test
	void messageWithoutIdClosesThatConnectionOnly() throws Exception {
		assertGarbageClosesOnlyTheConnectionThatSentIt(Garbage.MISSING_ID);
	}

	@Test
	void payloadThatDoesNotConvertToTheHandlerParameterFailsWithBadPayload() {
		CommClient comm = connect(Duration.ofSeconds(10));
		CommRemoteException failure = catchThrowableOfType(() -> comm.request("point.move", "not a point", Point.class),
				CommRemoteException.class);
		assertThat(failure.getKind()).isEqualTo(CommErrorKind.BAD_PAYLOAD);
		assertThat(failure.getRoute()).isEqualTo("point.move");
		assertThat(comm.request("point.move", new Point(0, 0), Point.class)).isEqualTo(new Point(1, 0));
	}

	@Test
	void identifiableRequestWithAnUnconvertiblePayloadGetsAnErrorReplyOnTheSameConnection() throws Exception {
		try (RawPeer raw = openRawPeer(this.listener.address())) {
			raw.handshake("raw-bad-payload", AWAIT);
			Metadata request = Metadata.of("bad-1", MessageType.REQUEST, "point.move");
			MessageFrame reply = raw.exchange(request, json("\"not a point\""), AWAIT);
			assertThat(reply.metadata()).isEqualTo(request.responseOf(MessageType.BAD_PAYLOAD));
			assertThat(new String(reply.payload(), StandardCharsets.UTF_8)).contains("\"message\"");
			assertRawPeerStillServed(raw);
		}
	}

	@Test
	void requestOfAnUnsupportedMessageTypeGetsAnErrorReplyOnTheSameConnection() throws Exception {
		try (RawPeer raw = openRawPeer(this.listener.address())) {
			raw.handshake("raw-odd-type", AWAIT);
			Metadata request = Metadata.of("odd-1", 7, "length");
			MessageFrame reply = raw.exchange(request, json("\"x\""), AWAIT);
			assertThat(reply.metadata()).isEqualTo(request.responseOf(MessageType.REQUESTER_FAULT));
			assertRawPeerStillServed(raw);
		}
	}

	@Test
	void unknownRouteFailsAtOnceWithNoRoute() {
		// a long timeout, so that only an immediate answer passes
		CommClient comm = connect(Duration.ofSeconds(30));
		assertThat(comm.requestAsync("no.such.route", "x", String.class)).failsWithin(Duration.ofSeconds(5))
			.withThrowableOfType(ExecutionException.class)
			.havingCause()
			.isInstanceOfSatisfying(CommNoRouteException.class,
					(ex) -> assertThat(ex.getRoute()).isEqualTo("no.such.route"));
	}

	@Test
	void requesterFaultFromTheHandlerReachesTheCallerWithItsCode() {
		CommClient comm = connect(Duration.ofSeconds(10));
		CommRemoteException failure = catchThrowableOfType(() -> comm.request("fail.requester", "x", String.class),
				CommRemoteException.class);
		assertThat(failure.getKind()).isEqualTo(CommErrorKind.REQUESTER_FAULT);
		assertThat(failure.getCode()).isEqualTo(404);
		assertThat(failure.getRemoteMessage()).isEqualTo("no such order");
	}

	@Test
	void responderFaultFromTheHandlerReachesTheCallerWithItsCode() {
		CommClient comm = connect(Duration.ofSeconds(10));
		CommRemoteException failure = catchThrowableOfType(() -> comm.request("fail.responder", "x", String.class),
				CommRemoteException.class);
		assertThat(failure.getKind()).isEqualTo(CommErrorKind.RESPONDER_FAULT);
		assertThat(failure.getCode()).isEqualTo(503);
		assertThat(failure.getRemoteMessage()).isEqualTo("database down");
	}

	@Test
	void anyOtherHandlerExceptionReachesTheCallerAsHandlerFailed() {
		CommClient comm = connect(Duration.ofSeconds(10));
		CommRemoteException failure = catchThrowableOfType(() -> comm.request("fail.unexpected", "x", String.class),
				CommRemoteException.class);
		assertThat(failure.getKind()).isEqualTo(CommErrorKind.HANDLER_FAILED);
		assertThat(failure.getCode()).isNull();
		// the exception's message stays in the responder's log, under the error id
		assertThat(failure.getRemoteMessage())
			.matches("Handler for 'fail.unexpected' failed \\(error id [0-9a-f]{12}\\)");
	}

	@Test
	void requestWithoutReplyInTimeFailsWithTimeout() throws Exception {
		CommClient comm = connect(Duration.ofSeconds(10));
		assertThat(comm.request("length", "warm-up", Integer.class)).isEqualTo(7);
		assertThatExceptionOfType(CommTimeoutException.class)
			.isThrownBy(() -> comm.withTimeout(Duration.ofMillis(200)).request("block", "x", String.class));
		assertThat(this.handlers.blocked.await(AWAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
	}

	@Test
	void requestToAServerThatIsNotThereFailsWithTimeout() throws Exception {
		CommClient comm = clientNode().connect(unusedUri(), Duration.ofMillis(300));
		assertThatExceptionOfType(CommTimeoutException.class)
			.isThrownBy(() -> comm.request("point.move", new Point(0, 0), Point.class));
	}

	@Test
	void requestAsyncCallbacksComposeFurtherRequests() throws Exception {
		CommClient comm = connect(Duration.ofSeconds(10));
		CompletableFuture<Point> twice = comm.requestAsync("point.move", new Point(1, 2), Point.class)
			.thenCompose((moved) -> comm.requestAsync("point.move", moved, Point.class));
		assertThat(twice.get(AWAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(new Point(3, 8));
	}

	@Test
	void blockingCallInARequestAsyncCallbackFailsInsteadOfWaitingForItself() throws Exception {
		CommClient comm = connect(Duration.ofSeconds(10));
		CompletableFuture<Point> blocking = comm.requestAsync("point.move", new Point(1, 2), Point.class)
			.thenApply((moved) -> comm.request("point.move", moved, Point.class));
		assertThatExceptionOfType(ExecutionException.class)
			.isThrownBy(() -> blocking.get(AWAIT.toMillis(), TimeUnit.MILLISECONDS))
			.withCauseInstanceOf(IllegalStateException.class)
			.withMessageContaining("thenApplyAsync");
		CompletableFuture<Void> throwing = comm.withTimeout(Duration.ofMillis(100))
			.requestAsync("block", "x", String.class)
			.handle((reply, timeout) -> {
				comm.send("note", new Note("from a timeout callback"));
				return null;
			});
		assertThatExceptionOfType(ExecutionException.class)
			.isThrownBy(() -> throwing.get(AWAIT.toMillis(), TimeUnit.MILLISECONDS))
			.withCauseInstanceOf(IllegalStateException.class);
		assertThat(comm.request("point.move", new Point(0, 1), Point.class)).isEqualTo(new Point(1, 2));
	}

	@Test
	void handlerCanCallTheClientBackBeforeReplying() {
		CommClient comm = connect(clientNode(new ClientHandlers()), Duration.ofSeconds(10));
		assertThat(comm.request("callback", "ada", String.class)).startsWith("hello ada, via contract-client-");
	}

	private void assertGarbageClosesOnlyTheConnectionThatSentIt(Garbage garbage) throws Exception {
		CommClient bystander = connect(Duration.ofSeconds(10));
		assertThat(bystander.request("length", "before", Integer.class)).isEqualTo(6);
		try (RawPeer raw = openRawPeer(this.listener.address())) {
			raw.handshake("raw-" + garbage, AWAIT);
			// the link works before the garbage, so the garbage is what closes it
			assertRawPeerStillServed(raw);
			raw.sendGarbage(garbage, MAX_FRAME_SIZE);
			assertThat(raw.awaitClosed(AWAIT)).as("closed after %s", garbage).isTrue();
		}
		assertThat(bystander.request("length", "after", Integer.class)).isEqualTo(5);
		assertThat(bystander.request("point.move", new Point(5, 5), Point.class)).isEqualTo(new Point(6, 10));
	}

	void assertRawPeerStillServed(RawPeer raw) throws Exception {
		Metadata request = Metadata.of("ok-" + System.nanoTime(), MessageType.REQUEST, "length");
		MessageFrame reply = raw.exchange(request, json("\"ok\""), AWAIT);
		assertThat(reply.metadata()).isEqualTo(request.responseOf(MessageType.RESPONSE_OK));
		assertThat(new String(reply.payload(), StandardCharsets.UTF_8)).isEqualTo("2");
	}

	static byte[] json(String json) {
		return json.getBytes(StandardCharsets.UTF_8);
	}

	CommTestNode serverNode(CommTestNode.Builder builder) {
		return track(builder.clientId("contract-server").maxFrameSize(MAX_FRAME_SIZE).handlers(this.handlers).build());
	}

	CommTestNode clientNode(Object... handlers) {
		return track(nodeBuilder().clientId("contract-client-" + clientIds.incrementAndGet())
			.maxFrameSize(MAX_FRAME_SIZE)
			.handlers(handlers)
			.build());
	}

	CommClient connect(Duration timeout) {
		return connect(clientNode(), timeout);
	}

	private CommClient connect(CommTestNode clientNode, Duration timeout) {
		return clientNode.connect(this.listener.address().format(), timeout);
	}

	<T extends AutoCloseable> T track(T resource) {
		this.resources.add(resource);
		return resource;
	}

	record Point(int x, int y) {
	}

	record Note(String text) {
	}

	/**
	 * The server's routes; one instance per test, so that what a test observes is its
	 * own.
	 */
	static final class ServerHandlers {

		final BlockingQueue<Note> notes = new LinkedBlockingQueue<>();

		final List<Integer> lengths = new CopyOnWriteArrayList<>();

		final CountDownLatch blocked = new CountDownLatch(1);

		final CountDownLatch release = new CountDownLatch(1);

		@CommHandler("point.move")
		Point move(Point point) {
			return new Point(point.x() + 1, point.y() * 2);
		}

		@CommHandler("note")
		void note(Note note) {
			this.notes.add(note);
		}

		@CommHandler("length")
		int length(String text) {
			this.lengths.add(text.length());
			return text.length();
		}

		@CommHandler("text")
		String text(int length) {
			return "a".repeat(length);
		}

		@CommHandler("indexed")
		CompletableFuture<String> indexed(int index) {
			// later requests finish first, so replies come back in reverse order
			return CompletableFuture.supplyAsync(() -> "reply to " + index,
					CompletableFuture.delayedExecutor((100 - index) * 5L, TimeUnit.MILLISECONDS));
		}

		@CommHandler("block")
		String block(String ignored) throws InterruptedException {
			this.blocked.countDown();
			this.release.await(AWAIT.toMillis(), TimeUnit.MILLISECONDS);
			return "released";
		}

		@CommHandler("fail.requester")
		String failRequester(String ignored) {
			throw new RequesterFaultException(404, "no such order");
		}

		@CommHandler("fail.responder")
		String failResponder(String ignored) {
			throw new ResponderFaultException(503, "database down");
		}

		@CommHandler("fail.unexpected")
		String failUnexpected(String ignored) {
			throw new IllegalStateException("boom");
		}

		@CommHandler("callback")
		String callback(String name, CommPeer caller) {
			String greeting = caller.request("greeting", name, String.class);
			return greeting + ", via " + caller.clientId();
		}

	}

	/**
	 * Routes the client serves, for the server to call back.
	 */
	static final class ClientHandlers {

		@CommHandler("greeting")
		String greeting(String name) {
			return "hello " + name;
		}

	}

}
