package dev.comm.handler;

import java.lang.reflect.Parameter;

/**
 * Supplies one kind of handler argument. Resolvers are asked in order; the payload
 * resolver, which accepts anything, comes last.
 */
public interface HandlerArgumentResolver {

	/**
	 * Whether this resolver supplies the parameter.
	 * @param parameter a handler method parameter
	 * @return whether it is supported
	 */
	boolean supports(Parameter parameter);

	/**
	 * The argument for one invocation.
	 * @param parameter the parameter
	 * @param message the message being handled
	 * @return the argument
	 */
	Object resolve(Parameter parameter, CommMessage message);

	/**
	 * Whether this resolver converts the payload; a handler may have only one such
	 * parameter.
	 * @return whether it consumes the payload
	 */
	default boolean consumesPayload() {
		return false;
	}

}
