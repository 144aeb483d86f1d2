package dev.comm.internal.handler;

import java.lang.reflect.Parameter;

import dev.comm.handler.CommMessage;
import dev.comm.handler.HandlerArgumentResolver;

/**
 * Converts the payload to the parameter's declared (possibly generic) type. Accepts every
 * parameter, so it must be the last resolver.
 */
final class PayloadArgumentResolver implements HandlerArgumentResolver {

	@Override
	public boolean supports(Parameter parameter) {
		return true;
	}

	@Override
	public Object resolve(Parameter parameter, CommMessage message) {
		return message.getPayload(parameter.getParameterizedType());
	}

	@Override
	public boolean consumesPayload() {
		return true;
	}

}
