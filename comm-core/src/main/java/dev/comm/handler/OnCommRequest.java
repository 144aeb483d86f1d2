package dev.comm.handler;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the bean method that receives every request and throw no {@link CommHandler}
 * route matched, including messages without a route (communica's simple style). At most
 * one per application. Declare a {@link CommMessage} parameter to see the route and the
 * caller.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface OnCommRequest {

}
