package dev.comm.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Something requests and throws can be sent to: a named connector, or the peer that
 * called a handler. Payloads are converted with the application's payload codec (JSON by
 * default).
 * <p>
 * A request always ends: with the reply, a {@link dev.comm.CommRemoteException} (a
 * {@link dev.comm.CommNoRouteException} for an unknown route), a
 * {@link dev.comm.CommTimeoutException}, or a
 * {@link dev.comm.CommConnectionLostException}.
 * <p>
 * Asynchronous calls complete on the thread that received the reply or noticed the
 * timeout, an I/O or timer thread: their callbacks must not block. Blocking methods
 * called from such a callback throw {@link IllegalStateException} rather than wait for
 * the thread they are holding up.
 */
public interface CommTarget {

	/**
	 * Send a request and wait for the reply.
	 * @param <T> the reply type
	 * @param route the route
	 * @param payload the request payload, may be {@code null}
	 * @param replyType the type to convert the reply to
	 * @return the reply
	 */
	<T> T request(String route, Object payload, Class<T> replyType);

	/**
	 * Send a request and wait for a reply of a generic type, such as {@code List<Order>}.
	 * @param <T> the reply type
	 * @param route the route
	 * @param payload the request payload, may be {@code null}
	 * @param replyType the type to convert the reply to
	 * @return the reply
	 */
	<T> T request(String route, Object payload, ReplyType<T> replyType);

	/**
	 * Send a request without waiting. The future completes on an I/O or timer thread;
	 * compose further calls with {@code thenCompose}, and move blocking work to an
	 * executor of your own.
	 * @param <T> the reply type
	 * @param route the route
	 * @param payload the request payload, may be {@code null}
	 * @param replyType the type to convert the reply to
	 * @return completes with the reply, or exceptionally with an exception from comm's
	 * family
	 */
	<T> CompletableFuture<T> requestAsync(String route, Object payload, Class<T> replyType);

	/**
	 * Send a request without waiting, for a reply of a generic type.
	 * @param <T> the reply type
	 * @param route the route
	 * @param payload the request payload, may be {@code null}
	 * @param replyType the type to convert the reply to
	 * @return completes with the reply, or exceptionally with an exception from comm's
	 * family
	 */
	<T> CompletableFuture<T> requestAsync(String route, Object payload, ReplyType<T> replyType);

	/**
	 * Throw a message: send it and do not wait for the handler. Returns once the message
	 * is accepted for sending; waits for a connection up to the timeout when there is
	 * none.
	 * @param route the route
	 * @param payload the payload, may be {@code null}
	 */
	void send(String route, Object payload);

	/**
	 * The same target with another request timeout, for the calls made through it.
	 * @param timeout the timeout, positive
	 * @return a target with that timeout
	 */
	CommTarget withTimeout(Duration timeout);

}
