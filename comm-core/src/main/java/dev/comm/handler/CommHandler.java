package dev.comm.handler;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean method as the handler of a route. Parameters may be the payload (converted
 * to the declared type), a {@link dev.comm.client.CommPeer} (the caller) and a
 * {@link CommMessage} (the raw message). The return value is the reply; {@code void}
 * replies {@code null}; a {@link java.util.concurrent.CompletableFuture} replies when it
 * completes. Throw {@link dev.comm.RequesterFaultException} or
 * {@link dev.comm.ResponderFaultException} to answer with a typed error and a code, or
 * map other exceptions to one with {@link dev.comm.handler.advice.CommExceptionHandler}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface CommHandler {

	/**
	 * The route, matched exactly.
	 * @return the route
	 */
	String value();

	/**
	 * Whether the handler never blocks: it then runs on the thread that received the
	 * message (a connection's I/O thread) instead of a handler thread, which saves the
	 * two hand-offs between them, and with them most of the latency comm adds to a call.
	 * Only for handlers that compute or look up in memory and return at once, or return a
	 * {@link java.util.concurrent.CompletableFuture}: a handler that waits (for I/O, a
	 * lock, another call's reply) holds up every connection its I/O thread serves.
	 * @return whether the handler runs on the receiving thread
	 */
	boolean nonBlocking() default false;

}
