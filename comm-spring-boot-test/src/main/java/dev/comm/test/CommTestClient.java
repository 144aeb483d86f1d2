package dev.comm.test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.stream.Stream;

import dev.comm.CommException;
import dev.comm.client.CommTarget;
import dev.comm.client.ReplyType;

/**
 * Calls the application's own routes from a test, over an in-process link of its own that
 * reaches the application's handlers the way a peer's calls do: payloads converted both
 * ways, handler exceptions arriving as typed errors ({@code CommRemoteException},
 * {@code CommNoRouteException}), timeouts as {@code CommTimeoutException}. It needs no
 * listener in the application and opens no socket. Handlers see the caller as a
 * {@code CommPeer} with the client id {@value #DEFAULT_CLIENT_ID}, or the one given to
 * {@link #as(String)}; a handler that calls its caller back reaches the application's
 * handlers again.
 * <p>
 * A bean in tests annotated with {@link AutoConfigureComm}:
 *
 * <pre class="code">
 * &#064;SpringBootTest
 * &#064;AutoConfigureComm
 * class OrdersTests {
 *
 * 	&#064;Autowired
 * 	CommTestClient comm;
 *
 * 	&#064;Test
 * 	void quotesAnItem() {
 * 		assertThat(comm.request("orders.quote", new Quote("tea"), Price.class).amount()).isEqualTo(3);
 * 	}
 *
 * }
 * </pre>
 */
public final class CommTestClient implements CommTarget {

	/** The client id of calls made without {@link #as(String)}. */
	public static final String DEFAULT_CLIENT_ID = "comm-test-client";

	private final CommTestEndpoint endpoint;

	private final String clientId;

	private final CommTarget target;

	CommTestClient(CommTestEndpoint endpoint, String clientId, CommTarget target) {
		this.endpoint = endpoint;
		this.clientId = clientId;
		this.target = target;
	}

	/**
	 * The same client calling as another peer: handlers see {@code clientId} as the
	 * caller's {@code CommPeer.clientId()}, over a link of its own.
	 * @param clientId the client id to announce
	 * @return a client calling as that peer, with the application's request timeout
	 */
	public CommTestClient as(String clientId) {
		return new CommTestClient(this.endpoint, clientId, this.endpoint.target(clientId));
	}

	/**
	 * The client id the handlers see.
	 * @return the client id
	 */
	public String clientId() {
		return this.clientId;
	}

	@Override
	public <T> T request(String route, Object payload, Class<T> replyType) {
		return this.target.request(route, payload, replyType);
	}

	@Override
	public <T> T request(String route, Object payload, ReplyType<T> replyType) {
		return this.target.request(route, payload, replyType);
	}

	@Override
	public <T> CompletableFuture<T> requestAsync(String route, Object payload, Class<T> replyType) {
		return this.target.requestAsync(route, payload, replyType);
	}

	@Override
	public <T> CompletableFuture<T> requestAsync(String route, Object payload, ReplyType<T> replyType) {
		return this.target.requestAsync(route, payload, replyType);
	}

	@Override
	public <T> Flow.Publisher<T> requestStream(String route, Object payload, Class<T> itemType) {
		return this.target.requestStream(route, payload, itemType);
	}

	@Override
	public <T> Flow.Publisher<T> requestStream(String route, Object payload, ReplyType<T> itemType) {
		return this.target.requestStream(route, payload, itemType);
	}

	@Override
	public <T> Stream<T> requestStreamBlocking(String route, Object payload, Class<T> itemType) {
		return this.target.requestStreamBlocking(route, payload, itemType);
	}

	/**
	 * Send a throw. It returns once the message is accepted for sending, as any throw
	 * does, before the handler runs; wait for the handler's effect in the test.
	 */
	@Override
	public void send(String route, Object payload) {
		this.target.send(route, payload);
	}

	@Override
	public CommTestClient withTimeout(Duration timeout) {
		return new CommTestClient(this.endpoint, this.clientId, this.target.withTimeout(timeout));
	}

	/**
	 * Make a request that is expected to fail, and hand back how it failed, for
	 * assertions: {@code assertThat(comm.failureOf("orders.create", order))
	 * .isInstanceOf(CommRemoteException.class)}.
	 * @param route the route
	 * @param payload the payload
	 * @return the exception the request ended with
	 * @throws AssertionError when the request succeeded, with its reply
	 */
	public CommException failureOf(String route, Object payload) {
		Object reply;
		try {
			reply = this.target.request(route, payload, Object.class);
		}
		catch (CommException ex) {
			return ex;
		}
		throw new AssertionError("Expected the request to route '" + route + "' to fail, but it replied " + reply);
	}

	@Override
	public String toString() {
		return "CommTestClient[" + this.clientId + "]";
	}

}
