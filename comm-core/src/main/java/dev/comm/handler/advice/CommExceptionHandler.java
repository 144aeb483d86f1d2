package dev.comm.handler.advice;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method that maps exceptions of {@code @CommHandler} methods to a typed error.
 * It lives in the handler bean itself (applies to that bean's handlers) or in a
 * {@link CommAdvice} bean (applies to every handler). Parameters may be the exception
 * (any {@link Throwable} type it is assignable to), a
 * {@link dev.comm.handler.CommMessage} and a {@link dev.comm.client.CommPeer}. The method
 * returns, or throws, a {@link dev.comm.RequesterFaultException} or
 * {@link dev.comm.ResponderFaultException}, which the caller receives as if the handler
 * had thrown it.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface CommExceptionHandler {

	/**
	 * The exception types handled; empty means the type of the method's {@link Throwable}
	 * parameter.
	 * @return the exception types
	 */
	Class<? extends Throwable>[] value() default {};

}
