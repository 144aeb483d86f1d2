package dev.comm.autoconfigure;

import java.lang.reflect.Parameter;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.validation.annotation.Validated;

import dev.comm.codec.PayloadConversionException;
import dev.comm.handler.CommMessage;
import dev.comm.handler.HandlerArgumentResolver;

/**
 * Converts a payload parameter annotated with {@link Valid @Valid} or
 * {@link Validated @Validated} and validates it with the application's Bean Validation
 * {@link Validator}. A payload that breaks a constraint never reaches the handler: the
 * caller gets a bad-payload error naming each violation, as for a payload that does not
 * convert.
 */
final class ValidatedPayloadArgumentResolver implements HandlerArgumentResolver {

	private final ObjectProvider<Validator> validator;

	ValidatedPayloadArgumentResolver(ObjectProvider<Validator> validator) {
		this.validator = validator;
	}

	@Override
	public boolean supports(Parameter parameter) {
		// without a validator in the context @Valid means nothing, as in Spring MVC
		return (parameter.isAnnotationPresent(Valid.class) || parameter.isAnnotationPresent(Validated.class))
				&& this.validator.getIfAvailable() != null;
	}

	@Override
	public Object resolve(Parameter parameter, CommMessage message) {
		Object payload = message.getPayload(parameter.getParameterizedType());
		if (payload == null) {
			return null;
		}
		Validated validated = parameter.getAnnotation(Validated.class);
		Class<?>[] groups = (validated != null) ? validated.value() : new Class<?>[0];
		Set<ConstraintViolation<Object>> violations = this.validator.getObject().validate(payload, groups);
		if (!violations.isEmpty()) {
			throw new PayloadConversionException("Payload is not valid: " + describe(violations), null);
		}
		return payload;
	}

	@Override
	public boolean consumesPayload() {
		return true;
	}

	private static String describe(Set<ConstraintViolation<Object>> violations) {
		return violations.stream()
			.map((violation) -> violation.getPropertyPath() + " " + violation.getMessage())
			.sorted(Comparator.naturalOrder())
			.collect(Collectors.joining("; "));
	}

}
