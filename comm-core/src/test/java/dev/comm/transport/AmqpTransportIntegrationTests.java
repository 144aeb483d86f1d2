package dev.comm.transport;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import dev.comm.CommConnectionLostException;
import dev.comm.address.CommAddress;
import dev.comm.client.CommClient;
import dev.comm.internal.client.DefaultCommConnector;
import dev.comm.protocol.MessageFrame;
import dev.comm.protocol.MessageType;
import dev.comm.protocol.Metadata;
import dev.comm.testing.RabbitBroker;
import dev.comm.transport.RawPeer.Garbage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The transport contract over a real RabbitMQ broker. Every test gets a service of its
 * own. Where AMQP's model differs from a point-to-point link (no handshake, no connection
 * per caller to close, a queue that outlives its consumers), the test is replaced by what
 * AMQP promises instead, said in its Javadoc.
 */
class AmqpTransportIntegrationTests extends AbstractTransportContractTests {

	@Override
	public boolean streamPeersSayHello() {
		return false;
	}

	@Override
	public boolean earlyCancelReachesTheResponder() {
		return false;
	}

	/**
	 * A caller's connection is to the broker, not to the listener; that connection's loss
	 * ends its streams in {@link #losingTheLinkMidStreamEndsItWithConnectionLost()}.
	 */
	@Override
	public boolean rawCallersHaveAConnection() {
		return false;
	}

	/**
	 * Over a broker there is no connection to accept in place of a responder; a raw
	 * instance would have to consume the service queue, a harness of its own.
	 */
	@Override
	public boolean rawRespondersListen() {
		return false;
	}

	private static final List<String> services = new CopyOnWriteArrayList<>();

	@AfterAll
	static void deleteQueues() {
		RabbitBroker.deleteServices(services);
	}

	@Override
	protected String newListenUri() {
		// called first thing before each test: skip (or fail under CI) without a broker
		RabbitBroker.assumeAvailable();
		String service = RabbitBroker.uniqueService("contract");
		services.add(service);
		return RabbitBroker.uri(service);
	}

	@Override
	protected String unusedUri() {
		// a port where no broker listens
		return "amqp://guest:guest@127.0.0.1:1/?service=nobody";
	}

	/**
	 * The broker authenticates every connection to it with its own users and vhost
	 * permissions; comm's peers over it have no handshake of their own to refuse.
	 */
	@Override
	public boolean authenticatesOnConnect() {
		return false;
	}

	/**
	 * The broker bounds the connections to it; comm's peers over it have no hello to
	 * refuse.
	 */
	@Override
	public boolean limitsLinksOnConnect() {
		return false;
	}

	/**
	 * The broker holds what its consumer has not acknowledged; the prefetch, not
	 * throws-in-flight, bounds what reaches the handlers.
	 */
	@Override
	public boolean boundsUnhandledThrows() {
		return false;
	}

	@Override
	protected RawPeer openRawPeer(CommAddress address) throws Exception {
		return new AmqpRawPeer(address.parameter("service"));
	}

	/**
	 * AMQP has no hello to refuse: a caller without {@code app_id} is still served, its
	 * reply queue standing in for the client id.
	 */
	@Override
	@Test
	void helloWithoutClientIdIsRefusedAndClosed() throws Exception {
		try (RawPeer raw = openRawPeer(this.listener.address())) {
			assertRawPeerStillServed(raw);
		}
	}

	@Override
	@Test
	void randomBytesCloseThatConnectionOnly() throws Exception {
		assertGarbageIsAnsweredAsRequesterFaultAndServingGoesOn(Garbage.NOISE);
	}

	@Override
	@Test
	void unknownFrameCodeClosesThatConnectionOnly() throws Exception {
		assertGarbageIsAnsweredAsRequesterFaultAndServingGoesOn(Garbage.UNKNOWN_FRAME);
	}

	@Override
	@Test
	void malformedMetadataClosesThatConnectionOnly() throws Exception {
		assertGarbageIsAnsweredAsRequesterFaultAndServingGoesOn(Garbage.MALFORMED_METADATA);
	}

	@Override
	@Test
	void oversizeFrameFromTheWireClosesThatConnectionOnly() throws Exception {
		assertGarbageIsAnsweredAsRequesterFaultAndServingGoesOn(Garbage.OVERSIZE_FRAME);
	}

	/**
	 * A request without a correlation id cannot be answered: it is dropped, and the
	 * caller's next request is served.
	 */
	@Override
	@Test
	void messageWithoutIdClosesThatConnectionOnly() throws Exception {
		try (RawPeer raw = openRawPeer(this.listener.address())) {
			raw.handshake("raw-missing-id", AWAIT);
			raw.sendGarbage(Garbage.MISSING_ID, MAX_FRAME_SIZE);
			// the next answer is the one to the good
			// request: nothing came for the bad one
			assertRawPeerStillServed(raw);
		}
		assertThat(this.handlers.lengths).containsExactly(2);
	}

	private void assertGarbageIsAnsweredAsRequesterFaultAndServingGoesOn(Garbage garbage) throws Exception {
		CommClient bystander = connect(Duration.ofSeconds(10));
		assertThat(bystander.request("length", "before", Integer.class)).isEqualTo(6);
		try (RawPeer raw = openRawPeer(this.listener.address())) {
			raw.handshake("raw-" + garbage, AWAIT);
			raw.sendGarbage(garbage, MAX_FRAME_SIZE);
			MessageFrame answer = (MessageFrame) raw.receive(AWAIT);
			assertThat(answer.metadata().type()).isEqualTo(MessageType.REQUESTER_FAULT);
			assertRawPeerStillServed(raw);
		}
		assertThat(bystander.request("length", "after", Integer.class)).isEqualTo(5);
		// the bad message reached no handler
		assertThat(this.handlers.lengths).containsExactly(6, 2, 5);
	}

	/**
	 * Over AMQP the caller's connection is to the broker, so a listener that stops does
	 * not fail the caller's requests (another instance may serve them); losing the broker
	 * connection does, at once.
	 */
	@Override
	@Test
	void requestsInFlightFailFastWithConnectionLostWhenThePeerCloses() throws Exception {
		CommClient comm = connect(Duration.ofSeconds(30));
		CompletableFuture<String> inFlight = comm.requestAsync("block", "x", String.class);
		assertThat(this.handlers.blocked.await(AWAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();

		RabbitBroker.rabbitmqctl("close_all_connections", "comm contract test");

		assertThat(inFlight).failsWithin(Duration.ofSeconds(5))
			.withThrowableOfType(ExecutionException.class)
			.withCauseInstanceOf(CommConnectionLostException.class);
		// and the transport comes back by itself
		await("the transport to serve requests again").atMost(AWAIT)
			.ignoreExceptions()
			.until(() -> comm.withTimeout(Duration.ofSeconds(2)).request("length", "again", Integer.class) == 5);
	}

	/**
	 * Over AMQP the client's connection is to the broker, which stays: a request made
	 * while no instance of the service listens waits in the service's durable queue and
	 * is served by the next instance to start.
	 */
	@Override
	void awaitClientNoticesServerGone(DefaultCommConnector connector) {
	}

	/**
	 * AMQP carries the id in {@code correlation_id}, a short string of at most 255 bytes.
	 */
	@Override
	int longestRequestId() {
		return 255;
	}

	@Test
	void aPlainClientThatFollowsTheProtocolDocumentGetsTheSameAnswerAsOverAStream() throws Exception {
		try (RawPeer raw = openRawPeer(this.listener.address())) {
			raw.handshake("plain-client", AWAIT);
			Metadata request = Metadata.of("plain-1", MessageType.REQUEST, "point.move");
			MessageFrame reply = raw.exchange(request, json("{\"x\":1,\"y\":2}"), AWAIT);
			assertThat(reply.metadata()).isEqualTo(request.responseOf(MessageType.RESPONSE_OK));
			assertThat(new String(reply.payload())).isEqualTo("{\"x\":2,\"y\":4}");
		}
	}

}
