package dev.comm.transport;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import io.micrometer.observation.transport.SenderContext;
import org.junit.jupiter.api.Test;

import dev.comm.CommNoRouteException;
import dev.comm.CommRemoteException;
import dev.comm.CommTimeoutException;
import dev.comm.RequesterFaultException;
import dev.comm.ResponderFaultException;
import dev.comm.address.CommAddress;
import dev.comm.client.CommClient;
import dev.comm.client.CommPool;
import dev.comm.client.CommReply;
import dev.comm.client.RoundRobinStrategy;
import dev.comm.handler.CommHandler;
import dev.comm.internal.server.DefaultCommListener;
import dev.comm.observation.CommClientContext;
import dev.comm.observation.CommServerContext;
import dev.comm.testing.CommTestNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Observation over a transport: both sides observe every call with the route, kind,
 * outcome, transport and endpoint, and the caller's context reaches the handler's
 * observation through the message's metadata. A stand-in propagation handler writes and
 * reads a W3C {@code traceparent}, so that what is tested is the transport carrying it;
 * the real tracers are tested with the auto-configuration. Every transport's contract
 * test implements this interface.
 */
interface ObservationContract {

	/**
	 * A new listen address for the transport under test.
	 * @return the URI
	 */
	String observedListenUri();

	/**
	 * A node builder with what the transport under test needs.
	 * @return the builder
	 */
	CommTestNode.Builder observedNodeBuilder();

	@Test
	default void requestIsObservedOnBothSidesAndTheCallersContextReachesTheHandler() {
		try (ObservedPair pair = ObservedPair.start(this)) {
			assertThat(pair.client.request("observed.echo", "hi", String.class)).isEqualTo("hi");

			Observation.Context caller = pair.clientRecorder.single("observed.echo");
			Observation.Context handler = pair.serverRecorder.awaitSingle("observed.echo");
			pair.assertTags(caller, "observed.echo", "request", "success");
			pair.assertTags(handler, "observed.echo", "request", "success");
			assertThat((String) handler.get(StubPropagation.RECEIVED)).isNotNull()
				.isEqualTo(caller.get(StubPropagation.SENT));
			assertThat(handler.getHighCardinalityKeyValues().stream().map(KeyValue::getValue)).contains(pair.clientId);
		}
	}

	@Test
	default void throwIsObservedOnBothSidesWithTheCallersContext() {
		try (ObservedPair pair = ObservedPair.start(this)) {
			pair.client.send("observed.note", "fire");

			Observation.Context caller = pair.clientRecorder.single("observed.note");
			Observation.Context handler = pair.serverRecorder.awaitSingle("observed.note");
			pair.assertTags(caller, "observed.note", "throw", "success");
			pair.assertTags(handler, "observed.note", "throw", "success");
			assertThat((String) handler.get(StubPropagation.RECEIVED)).isNotNull()
				.isEqualTo(caller.get(StubPropagation.SENT));
		}
	}

	@Test
	default void failuresAreObservedWithTheirOutcomeOnBothSides() {
		try (ObservedPair pair = ObservedPair.start(this)) {
			assertThatExceptionOfType(CommRemoteException.class)
				.isThrownBy(() -> pair.client.request("observed.refuse", "x", String.class));
			assertThatExceptionOfType(CommRemoteException.class)
				.isThrownBy(() -> pair.client.request("observed.boom", "x", String.class));
			assertThatExceptionOfType(CommRemoteException.class)
				.isThrownBy(() -> pair.client.request("observed.count", "not a number", Integer.class));
			assertThatExceptionOfType(CommNoRouteException.class)
				.isThrownBy(() -> pair.client.request("observed.nowhere", "x", String.class));
			assertThatExceptionOfType(CommRemoteException.class)
				.isThrownBy(() -> pair.client.request("observed.busy", "x", String.class));

			pair.assertTags(pair.clientRecorder.single("observed.refuse"), "observed.refuse", "request",
					"requester-fault");
			pair.assertTags(pair.serverRecorder.awaitSingle("observed.refuse"), "observed.refuse", "request",
					"requester-fault");
			pair.assertTags(pair.clientRecorder.single("observed.boom"), "observed.boom", "request", "handler-failed");
			Observation.Context boom = pair.serverRecorder.awaitSingle("observed.boom");
			pair.assertTags(boom, "observed.boom", "request", "handler-failed");
			assertThat(boom.getError()).isInstanceOf(IllegalStateException.class).hasMessage("kaboom");
			pair.assertTags(pair.clientRecorder.single("observed.count"), "observed.count", "request", "bad-payload");
			pair.assertTags(pair.serverRecorder.awaitSingle("observed.count"), "observed.count", "request",
					"bad-payload");
			pair.assertTags(pair.clientRecorder.single("observed.nowhere"), "observed.nowhere", "request", "no-route");
			pair.assertTags(pair.clientRecorder.single("observed.busy"), "observed.busy", "request", "responder-fault");
			pair.assertTags(pair.serverRecorder.awaitSingle("observed.busy"), "observed.busy", "request",
					"responder-fault");
			// any peer may send any route: the server does not make a tag value of one it
			// does not serve
			pair.assertTags(pair.serverRecorder.awaitSingle("observed.nowhere"), "unmatched", "request", "no-route");
		}
	}

	@Test
	default void requestThatTimesOutIsObservedAsATimeoutByTheCaller() {
		try (ObservedPair pair = ObservedPair.start(this)) {
			// connected first, so that the timeout is the reply's, not the connection's
			assertThat(pair.client.request("observed.echo", "warm-up", String.class)).isEqualTo("warm-up");
			assertThatExceptionOfType(CommTimeoutException.class).isThrownBy(
					() -> pair.client.withTimeout(Duration.ofMillis(200)).request("observed.slow", "x", String.class));

			pair.assertTags(pair.clientRecorder.single("observed.slow"), "observed.slow", "request", "timeout");
			// the handler finished later, and succeeded
			pair.assertTags(pair.serverRecorder.awaitSingle("observed.slow"), "observed.slow", "request", "success");
		}
	}

	@Test
	default void broadcastIsObservedOncePerMemberUnderThePoolsName() {
		try (ObservedPair pair = ObservedPair.start(this)) {
			CommPool pool = pair.poolOfTwo();
			await("both members to connect").until(() -> pool.memberIds().size() == 2);

			List<CommReply<String>> replies = pool.broadcast("observed.echo", "all", String.class);
			assertThat(replies).as("%s", replies).extracting(CommReply::value).containsExactly("all", "all");

			List<Observation.Context> calls = pair.clientRecorder.all("observed.echo");
			assertThat(calls).hasSize(2);
			calls.forEach((call) -> pair.assertTags(call, "observed.echo", "request", "success", "test-pool"));
		}
	}

	/** The handlers the observed server serves. */
	final class ObservedHandlers {

		@CommHandler("observed.echo")
		String echo(String text) {
			return text;
		}

		@CommHandler("observed.note")
		void note(String text) {
		}

		@CommHandler("observed.refuse")
		String refuse(String text) {
			throw new RequesterFaultException(7, "no thanks");
		}

		@CommHandler("observed.busy")
		String busy(String text) {
			throw new ResponderFaultException(503, "try later");
		}

		@CommHandler("observed.boom")
		String boom(String text) {
			throw new IllegalStateException("kaboom");
		}

		@CommHandler("observed.count")
		int count(int number) {
			return number;
		}

		@CommHandler("observed.slow")
		String slow(String text) throws InterruptedException {
			Thread.sleep(600);
			return text;
		}

	}

	/** A server and a client node, each with an observation registry of its own. */
	final class ObservedPair implements AutoCloseable {

		private static final AtomicLong clientIds = new AtomicLong();

		final StubPropagation serverRecorder = new StubPropagation();

		final StubPropagation clientRecorder = new StubPropagation();

		final String clientId = "observed-client-" + clientIds.incrementAndGet();

		private final CommTestNode server;

		private final CommTestNode clientNode;

		private final String scheme;

		private final String listenerAddress;

		final CommClient client;

		private ObservedPair(ObservationContract transport, Object... moreHandlers) {
			TestObservationRegistry serverRegistry = TestObservationRegistry.create();
			serverRegistry.observationConfig().observationHandler(this.serverRecorder);
			TestObservationRegistry clientRegistry = TestObservationRegistry.create();
			clientRegistry.observationConfig().observationHandler(this.clientRecorder);
			this.server = transport.observedNodeBuilder()
				.clientId("observed-server")
				.handlers(new ObservedHandlers())
				.handlers(moreHandlers)
				.observations(serverRegistry)
				.build();
			String uri = transport.observedListenUri();
			this.scheme = CommAddress.parse(uri).scheme();
			DefaultCommListener listener = this.server.listen(uri);
			this.clientNode = transport.observedNodeBuilder()
				.clientId(this.clientId)
				.observations(clientRegistry)
				.build();
			this.listenerAddress = listener.address().format();
			this.client = this.clientNode.connect(this.listenerAddress, Duration.ofSeconds(10));
		}

		/** A pool of two more connections to the server, named {@code test-pool}. */
		CommPool poolOfTwo() {
			return this.clientNode.pool(new RoundRobinStrategy(), Duration.ofSeconds(10), this.listenerAddress,
					this.listenerAddress);
		}

		static ObservedPair start(ObservationContract transport, Object... moreHandlers) {
			return new ObservedPair(transport, moreHandlers);
		}

		void assertTags(Observation.Context context, String route, String kind, String outcome) {
			assertTags(context, route, kind, outcome, "test");
		}

		void assertTags(Observation.Context context, String route, String kind, String outcome, String endpoint) {
			assertThat(context.getLowCardinalityKeyValues().stream().map(KeyValue::toString)).containsExactlyInAnyOrder(
					KeyValue.of("route", route).toString(), KeyValue.of("kind", kind).toString(),
					KeyValue.of("outcome", outcome).toString(), KeyValue.of("transport", this.scheme).toString(),
					KeyValue.of("endpoint", endpoint).toString());
		}

		@Override
		public void close() {
			this.clientNode.close();
			this.server.close();
		}

	}

	/**
	 * Writes a W3C {@code traceparent} of its own into every sender context's carrier,
	 * reads it back from every receiver context's, and keeps the stopped contexts.
	 */
	final class StubPropagation implements ObservationHandler<Observation.Context> {

		static final String SENT = "stub.sent";

		static final String RECEIVED = "stub.received";

		private static final AtomicLong traceIds = new AtomicLong();

		private final Queue<Observation.Context> stopped = new ConcurrentLinkedQueue<>();

		@Override
		public void onStart(Observation.Context context) {
			if (context instanceof SenderContext<?> sender) {
				String traceparent = String.format("00-%032x-%016x-01", traceIds.incrementAndGet(), 1L);
				setTraceparent(sender, traceparent);
				context.put(SENT, traceparent);
			}
			if (context instanceof ReceiverContext<?> receiver) {
				String traceparent = getTraceparent(receiver);
				if (traceparent != null) {
					context.put(RECEIVED, traceparent);
				}
			}
		}

		@SuppressWarnings("unchecked")
		private static <C> void setTraceparent(SenderContext<C> sender, String traceparent) {
			sender.getSetter().set(sender.getCarrier(), "traceparent", traceparent);
		}

		private static <C> String getTraceparent(ReceiverContext<C> receiver) {
			return receiver.getGetter().get(receiver.getCarrier(), "traceparent");
		}

		@Override
		public void onStop(Observation.Context context) {
			this.stopped.add(context);
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return context instanceof CommClientContext || context instanceof CommServerContext;
		}

		Observation.Context single(String route) {
			List<Observation.Context> found = ofRoute(route);
			assertThat(found).as("stopped observations of %s", route).hasSize(1);
			return found.get(0);
		}

		List<Observation.Context> all(String route) {
			return ofRoute(route);
		}

		Observation.Context awaitSingle(String route) {
			await().atMost(Duration.ofSeconds(10)).until(() -> !ofRoute(route).isEmpty());
			return single(route);
		}

		private List<Observation.Context> ofRoute(String route) {
			return this.stopped.stream().filter((context) -> route.equals(routeOf(context))).toList();
		}

		private static String routeOf(Observation.Context context) {
			if (context instanceof CommClientContext client) {
				return client.getCall().getRoute();
			}
			return ((CommServerContext) context).getCall().getRoute();
		}

	}

}
