package dev.comm.transport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import dev.comm.CommErrorKind;
import dev.comm.CommRemoteException;
import dev.comm.address.CommAddress;
import dev.comm.client.CommClient;
import dev.comm.handler.CommHandler;
import dev.comm.internal.server.DefaultCommListener;
import dev.comm.internal.stream.StreamExtension;
import dev.comm.internal.stream.StreamSettings;
import dev.comm.protocol.Features;
import dev.comm.protocol.Frame;
import dev.comm.protocol.Hello;
import dev.comm.protocol.MessageFrame;
import dev.comm.protocol.MessageType;
import dev.comm.protocol.Metadata;
import dev.comm.testing.CommTestNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Streams' bad input from the caller's side over a transport (PROTOCOL.md S.4, S.5 and
 * S.7): a raw caller that grants credit no caller may grant, names streams that do not
 * exist, are still open or have no id, or vanishes mid-stream, and a handler's item too
 * large for a frame. What a responder may get wrong is in
 * {@link StreamResponderBadInputContract}. Every transport's contract test implements
 * this interface; a test that needs a raw peer the transport cannot provide is skipped
 * there.
 */
interface StreamBadInputContract {

	Duration INPUT_AWAIT = Duration.ofSeconds(10);

	/** The most credit a caller may have outstanding. */
	long MAX_OUTSTANDING = Integer.MAX_VALUE;

	/**
	 * A new listen address for the transport under test.
	 * @return the URI
	 */
	String streamInputListenUri();

	/**
	 * A node builder with what the transport under test needs.
	 * @return the builder
	 */
	CommTestNode.Builder streamInputNodeBuilder();

	/**
	 * Connect below the link layer.
	 * @param address a bound listener address
	 * @return the raw peer
	 */
	RawPeer openStreamInputRawPeer(CommAddress address) throws Exception;

	/**
	 * Whether a raw peer of the transport can speak streams: a hello that agrees them,
	 * and frames with any metadata.
	 * @return whether the raw caller's tests apply
	 */
	default boolean rawPeersSpeakStreams() {
		return true;
	}

	/**
	 * Whether a raw caller has a connection of its own to the listener, whose loss the
	 * listener sees.
	 * @return whether the test of a vanishing caller applies
	 */
	default boolean rawCallersHaveAConnection() {
		return true;
	}

	@Test
	default void aCreditGrantThatIsNotAnIntegerEndsTheStreamWithARequesterFault() throws Exception {
		for (Object credit : List.of("1", 1.5, true)) {
			assertGrantEndsTheStream(1, credit);
		}
	}

	@Test
	default void aCreditGrantBelowOneEndsTheStreamWithARequesterFault() throws Exception {
		for (Object credit : List.of(0, -1)) {
			assertGrantEndsTheStream(1, credit);
		}
	}

	@Test
	default void aCreditGrantThatTakesTheOutstandingCreditAboveTheMaximumEndsTheStreamWithARequesterFault()
			throws Exception {
		// after the one item, MAX_OUTSTANDING - 1 is outstanding: 1 more is the most
		assertGrantEndsTheStream(MAX_OUTSTANDING, 2);
		assertGrantEndsTheStream(1, MAX_OUTSTANDING + 1);
	}

	@Test
	default void aCreditGrantUpToTheMaximumIsTaken() throws Exception {
		assumeTrue(rawPeersSpeakStreams(), "the transport's raw peer does not speak streams");
		Sources sources = new Sources();
		try (CommTestNode server = serverNode(sources); RawPeer raw = openStreamCaller(server, "raw-most-credit")) {
			raw.send(streamRequest("s-most", "input.oneThenSilent", MAX_OUTSTANDING));
			assertItem(raw.receive(INPUT_AWAIT), "s-most", "0");
			raw.send(credit("s-most", 1));
			// an end for the grant would have been written before the reply
			assertStillServed(raw);
			assertThat(sources.cancelled.getCount()).isOne();
		}
	}

	@Test
	default void aStreamRequestWithoutAValidCreditEndsWithARequesterFault() throws Exception {
		assumeTrue(rawPeersSpeakStreams(), "the transport's raw peer does not speak streams");
		Sources sources = new Sources();
		try (CommTestNode server = serverNode(sources); RawPeer raw = openStreamCaller(server, "raw-no-credit")) {
			int index = 0;
			for (Object credit : new Object[] { null, 0, -5, "8", 2.5, MAX_OUTSTANDING + 1 }) {
				String id = "s-bad-" + index++;
				Map<String, Object> extra = new HashMap<>();
				if (credit != null) {
					extra.put("credit", credit);
				}
				raw.send(new MessageFrame(new Metadata(id, MessageType.STREAM_REQUEST, "input.endless", extra),
						json("null")));
				assertRequesterFaultEnd(raw.receive(INPUT_AWAIT), id);
			}
			assertStillServed(raw);
			assertThat(sources.opened).as("streams the handler opened").hasValue(0);
		}
	}

	@Test
	default void creditAndCancelForAnUnknownStreamAreIgnored() throws Exception {
		assumeTrue(rawPeersSpeakStreams(), "the transport's raw peer does not speak streams");
		Sources sources = new Sources();
		try (CommTestNode server = serverNode(sources); RawPeer raw = openStreamCaller(server, "raw-unknown")) {
			raw.send(credit("nobody", 5));
			raw.send(new MessageFrame(Metadata.of("nobody", MessageType.CANCEL, null), new byte[0]));
			// neither is answered, not even as an unsupported type: the reply comes first
			assertStillServed(raw);
			// and an open stream is not disturbed by them
			raw.send(streamRequest("s-known", "input.endless", 1));
			assertItem(raw.receive(INPUT_AWAIT), "s-known", "0");
			raw.send(credit("s-unknown", 1));
			raw.send(new MessageFrame(Metadata.of("s-unknown", MessageType.CANCEL, null), new byte[0]));
			raw.send(credit("s-known", 1));
			assertItem(raw.receive(INPUT_AWAIT), "s-known", "1");
			assertThat(sources.cancelled.getCount()).isOne();
		}
	}

	@Test
	default void aStreamRequestWithTheIdOfAnOpenStreamIsDroppedAndTheFirstStreamGoesOn() throws Exception {
		assumeTrue(rawPeersSpeakStreams(), "the transport's raw peer does not speak streams");
		Sources sources = new Sources();
		try (CommTestNode server = serverNode(sources); RawPeer raw = openStreamCaller(server, "raw-same-id")) {
			raw.send(streamRequest("s-twice", "input.endless", 1));
			assertItem(raw.receive(INPUT_AWAIT), "s-twice", "0");
			raw.send(streamRequest("s-twice", "input.endless", 5));
			raw.send(credit("s-twice", 1));
			// the first stream's next item, not a new stream's first ones
			assertItem(raw.receive(INPUT_AWAIT), "s-twice", "1");
			assertStillServed(raw);
			assertThat(sources.opened).as("streams the handler opened").hasValue(1);
			assertThat(sources.cancelled.getCount()).isOne();
			raw.send(new MessageFrame(Metadata.of("s-twice", MessageType.CANCEL, null), new byte[0]));
			assertThat(sources.cancelled.await(INPUT_AWAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
		}
	}

	@Test
	default void aStreamRequestWithAnEmptyIdIsDropped() throws Exception {
		assumeTrue(rawPeersSpeakStreams(), "the transport's raw peer does not speak streams");
		Sources sources = new Sources();
		try (CommTestNode server = serverNode(sources); RawPeer raw = openStreamCaller(server, "raw-empty-id")) {
			raw.send(streamRequest("", "input.endless", 1));
			assertStillServed(raw);
			// a stream after it is served, and is the only one
			raw.send(streamRequest("s-after", "input.endless", 1));
			assertItem(raw.receive(INPUT_AWAIT), "s-after", "0");
			assertStillServed(raw);
			assertThat(sources.opened).as("streams the handler opened").hasValue(1);
		}
	}

	@Test
	default void anItemOverTheFrameLimitEndsTheStreamWithAResponderFaultAndStopsTheSource() throws Exception {
		Sources sources = new Sources();
		int limit = 64 * 1024;
		try (CommTestNode server = streamInputNodeBuilder().clientId("input-server")
			.handlers(sources)
			.maxFrameSize(limit)
			.build(); CommTestNode client = streamInputNodeBuilder().clientId("input-large").build()) {
			CommClient comm = client.connect(server.listen(streamInputListenUri()).address().format(), INPUT_AWAIT);
			List<String> seen = new ArrayList<>();
			assertThatExceptionOfType(CommRemoteException.class).isThrownBy(() -> {
				try (Stream<String> items = comm.requestStreamBlocking("input.oversize", limit, String.class)) {
					items.forEach(seen::add);
				}
			}).satisfies((ex) -> {
				assertThat(ex.getKind()).isEqualTo(CommErrorKind.RESPONDER_FAULT);
				assertThat(ex.getRemoteMessage()).contains(String.valueOf(limit));
			});
			assertThat(seen).containsExactly("small");
			assertThat(sources.cancelled.await(INPUT_AWAIT.toMillis(), TimeUnit.MILLISECONDS))
				.as("the source was cancelled")
				.isTrue();
			assertThat(comm.request("input.length", "after", Integer.class)).isEqualTo(5);
		}
	}

	@Test
	default void aCallerThatVanishesWithItsCreditUsedUpHasTheHandlersSourceStopped() throws Exception {
		assumeTrue(rawPeersSpeakStreams(), "the transport's raw peer does not speak streams");
		assumeTrue(rawCallersHaveAConnection(), "a caller has no connection of its own to the listener");
		Sources sources = new Sources();
		try (CommTestNode server = serverNode(sources)) {
			DefaultCommListener listener = server.listen(streamInputListenUri());
			RawPeer raw = openStreamInputRawPeer(listener.address());
			StreamExtension streams;
			try {
				streamHandshake(raw, "raw-vanishes");
				raw.send(streamRequest("s-left", "input.endless", 2));
				assertItem(raw.receive(INPUT_AWAIT), "s-left", "0");
				assertItem(raw.receive(INPUT_AWAIT), "s-left", "1");
				streams = listener.getLinks().iterator().next().extension(StreamExtension.class);
				assertThat(streams.servedCount()).isOne();
			}
			finally {
				raw.close();
			}
			assertThat(sources.cancelled.await(INPUT_AWAIT.toMillis(), TimeUnit.MILLISECONDS))
				.as("the source was cancelled")
				.isTrue();
			assertThat(streams.servedCount()).isZero();
			assertThat(sources.pulled).hasValue(2);
		}
	}

	/**
	 * Open a stream with {@code initialCredit}, take its first item, grant {@code grant}
	 * and expect the listener to end the stream with a requester fault, cancel the
	 * handler's source and free the stream, and then serve the connection as before.
	 * @param initialCredit the stream request's credit
	 * @param grant the bad grant
	 */
	private void assertGrantEndsTheStream(long initialCredit, Object grant) throws Exception {
		assumeTrue(rawPeersSpeakStreams(), "the transport's raw peer does not speak streams");
		Sources sources = new Sources();
		try (CommTestNode server = serverNode(sources)) {
			DefaultCommListener listener = server.listen(streamInputListenUri());
			try (RawPeer raw = openStreamInputRawPeer(listener.address())) {
				streamHandshake(raw, "raw-grant");
				raw.send(streamRequest("s-grant", "input.oneThenSilent", initialCredit));
				assertItem(raw.receive(INPUT_AWAIT), "s-grant", "0");
				raw.send(new MessageFrame(new Metadata("s-grant", MessageType.CREDIT, null, Map.of("credit", grant)),
						new byte[0]));
				MessageFrame end = assertRequesterFaultEnd(raw.receive(INPUT_AWAIT), "s-grant");
				assertThat(new String(end.payload(), StandardCharsets.UTF_8)).as("after a grant of %s", grant)
					.contains("credit");
				assertThat(sources.cancelled.await(INPUT_AWAIT.toMillis(), TimeUnit.MILLISECONDS))
					.as("the source was cancelled after a grant of %s", grant)
					.isTrue();
				StreamExtension streams = listener.getLinks().iterator().next().extension(StreamExtension.class);
				await().atMost(INPUT_AWAIT).until(() -> streams.servedCount() == 0);
				assertStillServed(raw);
			}
		}
	}

	/**
	 * A listening node whose handlers stream from {@code sources}.
	 * @param sources the handlers
	 * @return the node
	 */
	private CommTestNode serverNode(Sources sources) {
		return streamInputNodeBuilder().clientId("input-server")
			.handlers(sources)
			.streams(new StreamSettings(16, Duration.ofSeconds(5), Duration.ofMinutes(5), 8))
			.build();
	}

	/**
	 * A raw peer connected to a new listener of {@code server}, its hello agreeing
	 * streams.
	 * @param server the listening node
	 * @param clientId the raw peer's client id
	 * @return the raw peer
	 */
	private RawPeer openStreamCaller(CommTestNode server, String clientId) throws Exception {
		RawPeer raw = openStreamInputRawPeer(server.listen(streamInputListenUri()).address());
		try {
			streamHandshake(raw, clientId);
			return raw;
		}
		catch (Exception | AssertionError ex) {
			raw.close();
			throw ex;
		}
	}

	/**
	 * Say hello announcing streams, and check that the listener's hello agrees them.
	 * @param raw the raw peer
	 * @param clientId the client id to announce
	 */
	private static void streamHandshake(RawPeer raw, String clientId) throws Exception {
		raw.send(Hello.client(clientId, Set.of(Features.STREAM, Features.ERROR_TYPE)));
		Frame hello = raw.receive(INPUT_AWAIT);
		assertThat(hello).isInstanceOfSatisfying(Hello.class,
				(server) -> assertThat(server.features()).contains(Features.STREAM));
	}

	/**
	 * A plain request on the raw peer's connection is answered, and is the next thing
	 * that arrives.
	 * @param raw the raw peer
	 */
	private static void assertStillServed(RawPeer raw) throws Exception {
		Metadata request = Metadata.of("ok-" + System.nanoTime(), MessageType.REQUEST, "input.length");
		MessageFrame reply = raw.exchange(request, json("\"abc\""), INPUT_AWAIT);
		assertThat(reply.metadata()).isEqualTo(request.responseOf(MessageType.RESPONSE_OK));
		assertThat(new String(reply.payload(), StandardCharsets.UTF_8)).isEqualTo("3");
	}

	private static void assertItem(Frame frame, String id, String payload) {
		assertThat(frame).isInstanceOfSatisfying(MessageFrame.class, (item) -> {
			assertThat(item.metadata().id()).isEqualTo(id);
			assertThat(item.metadata().type()).isEqualTo(MessageType.ITEM);
			assertThat(new String(item.payload(), StandardCharsets.UTF_8)).isEqualTo(payload);
		});
	}

	private static MessageFrame assertRequesterFaultEnd(Frame frame, String id) {
		assertThat(frame).isInstanceOfSatisfying(MessageFrame.class, (end) -> {
			assertThat(end.metadata().id()).isEqualTo(id);
			assertThat(end.metadata().type()).isEqualTo(MessageType.END);
			assertThat(end.metadata().extra()).containsEntry("status", MessageType.REQUESTER_FAULT);
			assertThat(new String(end.payload(), StandardCharsets.UTF_8)).contains("\"requester-fault\"");
		});
		return (MessageFrame) frame;
	}

	private static Frame streamRequest(String id, String route, long credit) {
		return new MessageFrame(new Metadata(id, MessageType.STREAM_REQUEST, route, Map.of("credit", credit)),
				json("null"));
	}

	private static Frame credit(String id, long credit) {
		return new MessageFrame(new Metadata(id, MessageType.CREDIT, null, Map.of("credit", credit)), new byte[0]);
	}

	private static byte[] json(String json) {
		return json.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Streaming handlers that count the streams they open and the items pulled from them,
	 * and note when a source is cancelled.
	 */
	class Sources {

		final AtomicInteger opened = new AtomicInteger();

		final AtomicInteger pulled = new AtomicInteger();

		final CountDownLatch cancelled = new CountDownLatch(1);

		@CommHandler("input.endless")
		Flux<Integer> endless() {
			this.opened.incrementAndGet();
			return Flux.<Integer, Integer>generate(() -> 0, (next, sink) -> {
				this.pulled.incrementAndGet();
				sink.next(next);
				return next + 1;
			}).doOnCancel(this.cancelled::countDown);
		}

		@CommHandler("input.oneThenSilent")
		Flux<Integer> oneThenSilent() {
			this.opened.incrementAndGet();
			return Flux.concat(Flux.just(0), Flux.<Integer>never()).doOnCancel(this.cancelled::countDown);
		}

		@CommHandler("input.oversize")
		Flux<String> oversize(int length) {
			return Flux.concat(Flux.just("small", "a".repeat(length)), Flux.<String>never())
				.doOnCancel(this.cancelled::countDown);
		}

		@CommHandler("input.length")
		int length(String text) {
			return text.length();
		}

	}

}
