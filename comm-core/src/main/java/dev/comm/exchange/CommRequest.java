package dev.comm.exchange;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A method of a {@link CommExchange} interface that sends a request and returns its
 * reply. The return type says how: a value (waits for it; {@code void} waits for the
 * handler to finish), a {@code CompletableFuture} of a value (returns at once), or a
 * {@code List<CommReply<T>>} (a broadcast to every member of the pool). The method takes
 * the payload as its one parameter, or no parameter for a {@code null} payload.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface CommRequest {

	/**
	 * The route.
	 * @return the route
	 */
	String value();

	/**
	 * How long to wait for the reply, such as {@code 2s}, {@code 500ms} or {@code PT1M};
	 * empty for the target's own timeout.
	 * @return the timeout
	 */
	String timeout() default "";

}
