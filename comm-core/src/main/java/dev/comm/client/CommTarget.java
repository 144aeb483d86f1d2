package dev.comm.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.stream.Stream;

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
	 * Call a route that answers with a stream of items. Each subscription sends its own
	 * stream request once a link is open. The responder sends no more items than the
	 * subscriber can take ahead (the window, {@code comm.streams.window}); cancelling the
	 * subscription cancels the stream on the responder. The stream ends with the
	 * responder's end, an exception from comm's family (a
	 * {@link dev.comm.CommRemoteException} mid-stream, a
	 * {@link dev.comm.CommStreamCancelledException} when the responder gave it up, a
	 * {@link dev.comm.CommTimeoutException} when the first item takes longer than this
	 * target's timeout or the next one longer than {@code comm.streams.idle-timeout}, a
	 * {@link dev.comm.CommConnectionLostException}), or a {@link dev.comm.CommException}
	 * at once when the peer does not support streams (a communica peer). Signals come on
	 * an I/O or timer thread, or the thread that requests more.
	 * <p>
	 * Every target comm makes supports streams; the default, for stand-ins written for
	 * tests, throws {@link UnsupportedOperationException}.
	 * @param <T> the item type
	 * @param route the route
	 * @param payload the request payload, may be {@code null}
	 * @param itemType the type to convert each item to
	 * @return the items
	 */
	default <T> Flow.Publisher<T> requestStream(String route, Object payload, Class<T> itemType) {
		throw new UnsupportedOperationException(getClass().getName() + " does not call streams");
	}

	/**
	 * Call a route that answers with a stream of items of a generic type.
	 * @param <T> the item type
	 * @param route the route
	 * @param payload the request payload, may be {@code null}
	 * @param itemType the type to convert each item to
	 * @return the items
	 * @see #requestStream(String, Object, Class)
	 */
	default <T> Flow.Publisher<T> requestStream(String route, Object payload, ReplyType<T> itemType) {
		throw new UnsupportedOperationException(getClass().getName() + " does not call streams");
	}

	/**
	 * Call a route that answers with a stream of items, and read them blocking. Close the
	 * returned stream (try-with-resources): closing it before its end cancels the stream
	 * on the responder. Its operations throw the exceptions
	 * {@link #requestStream(String, Object, Class)} signals.
	 * @param <T> the item type
	 * @param route the route
	 * @param payload the request payload, may be {@code null}
	 * @param itemType the type to convert each item to
	 * @return the items, to be closed
	 */
	default <T> Stream<T> requestStreamBlocking(String route, Object payload, Class<T> itemType) {
		throw new UnsupportedOperationException(getClass().getName() + " does not call streams");
	}

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
