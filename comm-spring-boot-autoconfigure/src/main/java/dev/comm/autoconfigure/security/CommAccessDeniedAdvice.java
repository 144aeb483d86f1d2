package dev.comm.autoconfigure.security;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;

import dev.comm.RequesterFaultException;
import dev.comm.handler.advice.CommAdvice;
import dev.comm.handler.advice.CommExceptionHandler;

/**
 * A handler method the peer may not call answers a requester fault with code 403, as an
 * HTTP endpoint would, instead of a handler failure; last of all advice, so an
 * application's own mapping wins.
 */
@CommAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class CommAccessDeniedAdvice {

	/**
	 * The fault for a denied call.
	 * @param denied what method security threw
	 * @return the fault the caller receives
	 */
	@CommExceptionHandler(AccessDeniedException.class)
	public RequesterFaultException accessDenied(AccessDeniedException denied) {
		return new RequesterFaultException(403, "access denied");
	}

}
