package dev.comm.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

/**
 * Tests a comm application without sockets: on a {@code @SpringBootTest} class, every
 * listener and connector configured under {@code comm.*} is moved to the in-process
 * transport, and a {@link CommTestClient} bean calls the application's own routes.
 * <p>
 * In-process mode ({@link #inproc()}, the default) changes only addresses, before the
 * application reads them: each listener gets an {@code inproc://} name private to the
 * test's application context; a connector whose address would reach one of the
 * application's own listeners over real sockets (a tcp connector to
 * {@code localhost:7000} and a listener on {@code 0.0.0.0:7000}, the same unix path, a ws
 * connector to a local host and the listener mounted at its path, the same amqp service)
 * gets that listener's name, so they still meet; a connector to anything else gets a name
 * of its own whose every request fails at once with a {@code CommRemoteException} of kind
 * {@code RESPONDER_FAULT} and code 503 that names the configured address. TLS bundles and
 * amqp services of the old addresses are ignored; a ws listener needs no web server;
 * nothing reaches a broker. Handlers, exception handlers, payload conversion, pools,
 * sessions and observation are the application's own.
 * {@code local.comm.listeners.<name>.uri} then holds the {@code inproc://} name, and
 * there is no {@code .port}.
 * <p>
 * The property {@code comm.test.inproc=true} switches the endpoints the same way without
 * this annotation (for a test profile, say); the annotation's {@link #inproc()} wins over
 * the property where both are present.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration
public @interface AutoConfigureComm {

	/**
	 * Whether to move every configured listener and connector in-process; {@code false}
	 * keeps the configured addresses (real sockets, with port 0 published as
	 * {@code local.comm.listeners.<name>.port}) and only adds the {@link CommTestClient}.
	 * @return whether the endpoints are in-process
	 */
	boolean inproc() default true;

}
