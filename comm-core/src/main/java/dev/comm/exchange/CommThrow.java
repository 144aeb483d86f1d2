package dev.comm.exchange;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@code void} method of a {@link CommExchange} interface that sends a throw: it
 * returns once the message is accepted for sending, and no reply comes.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface CommThrow {

	/**
	 * The route.
	 * @return the route
	 */
	String value();

}
