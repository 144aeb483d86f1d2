package dev.comm.exchange;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An interface whose methods are comm calls to one connector or pool, made into a bean by
 * the Spring Boot starter (interfaces in the application's packages are found by
 * scanning) or by {@link CommExchanges#create(Class, dev.comm.client.CommClient)}. Each
 * method carries {@link CommRequest} or {@link CommThrow}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface CommExchange {

	/**
	 * The connector ({@code comm.connectors.<name>}) the calls go to. Give this or
	 * {@link #pool()}.
	 * @return the connector's name
	 */
	String connector() default "";

	/**
	 * The pool ({@code comm.pools.<name>}) the calls go to. Give this or
	 * {@link #connector()}.
	 * @return the pool's name
	 */
	String pool() default "";

}
