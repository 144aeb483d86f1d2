package dev.comm.internal.handler;

import java.lang.reflect.Parameter;
import java.util.function.Function;

import dev.comm.handler.CommMessage;
import dev.comm.handler.HandlerArgumentResolver;

/**
 * Supplies parameters of one declared type from the message, such as the caller.
 */
final class TypeArgumentResolver implements HandlerArgumentResolver {

	private final Class<?> type;

	private final Function<CommMessage, Object> value;

	TypeArgumentResolver(Class<?> type, Function<CommMessage, Object> value) {
		this.type = type;
		this.value = value;
	}

	@Override
	public boolean supports(Parameter parameter) {
		return parameter.getType() == this.type;
	}

	@Override
	public Object resolve(Parameter parameter, CommMessage message) {
		return this.value.apply(message);
	}

}
