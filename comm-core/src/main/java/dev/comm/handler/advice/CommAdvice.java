package dev.comm.handler.advice;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean whose {@link CommExceptionHandler} methods apply to the handlers of every
 * bean. A handler bean's own exception handlers are tried first; advice beans follow in
 * their order ({@code @Order} or {@code Ordered}), and the first that maps the exception
 * wins. The annotation does not make a bean: declare one as usual (for example with
 * {@code @Component}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface CommAdvice {

}
