package dev.comm.internal.handler;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import dev.comm.handler.CommHandler;
import dev.comm.handler.CommMessage;
import dev.comm.handler.HandlerArgumentResolver;
import dev.comm.internal.stream.StreamSources;

/**
 * A bean method that handles messages, with the resolver chosen for each of its
 * parameters at registration, so that an invocation only resolves and calls.
 */
public final class HandlerMethod {

	private final Object bean;

	private final Method method;

	private final Parameter[] parameters;

	private final HandlerArgumentResolver[] resolvers;

	private final HandlerExceptionMapper exceptionMapper;

	private final boolean nonBlocking;

	private final boolean streaming;

	/**
	 * Describe a handler method.
	 * @param bean the bean to call the method on
	 * @param method the method, callable on the bean
	 * @param resolvers the argument resolvers, in order
	 * @throws IllegalStateException if a parameter has no resolver or two parameters want
	 * the payload
	 */
	public HandlerMethod(Object bean, Method method, List<HandlerArgumentResolver> resolvers) {
		this(bean, method, resolvers, HandlerExceptionMapper.NONE);
	}

	/**
	 * Describe a handler method whose exceptions pass through a mapper.
	 * @param bean the bean to call the method on
	 * @param method the method, callable on the bean
	 * @param resolvers the argument resolvers, in order
	 * @param exceptionMapper maps what the method throws before it is reported
	 * @throws IllegalStateException if a parameter has no resolver or two parameters want
	 * the payload
	 */
	public HandlerMethod(Object bean, Method method, List<HandlerArgumentResolver> resolvers,
			HandlerExceptionMapper exceptionMapper) {
		this.bean = bean;
		this.exceptionMapper = exceptionMapper;
		this.method = method;
		CommHandler annotation = method.getAnnotation(CommHandler.class);
		this.nonBlocking = annotation != null && annotation.nonBlocking();
		this.streaming = StreamSources.isStreaming(method.getReturnType());
		this.parameters = method.getParameters();
		this.resolvers = new HandlerArgumentResolver[this.parameters.length];
		List<String> payloadParameters = new ArrayList<>();
		for (int i = 0; i < this.parameters.length; i++) {
			Parameter parameter = this.parameters[i];
			this.resolvers[i] = resolvers.stream()
				.filter((resolver) -> resolver.supports(parameter))
				.findFirst()
				.orElseThrow(
						() -> new IllegalStateException("No way to supply parameter " + parameter + " of " + this));
			if (this.resolvers[i].consumesPayload()) {
				payloadParameters.add(parameter.getName());
			}
		}
		if (payloadParameters.size() > 1) {
			throw new IllegalStateException("Handler " + this + " has more than one payload parameter "
					+ payloadParameters + "; declare one (plus CommPeer or CommMessage if needed)");
		}
		method.setAccessible(true);
	}

	/**
	 * Resolve the arguments for one message.
	 * @param message the message
	 * @return the arguments
	 * @throws dev.comm.codec.PayloadConversionException if the payload does not convert
	 */
	Object[] resolveArguments(CommMessage message) {
		Object[] arguments = new Object[this.parameters.length];
		for (int i = 0; i < arguments.length; i++) {
			arguments[i] = this.resolvers[i].resolve(this.parameters[i], message);
		}
		return arguments;
	}

	/**
	 * Call the method.
	 * @param arguments the resolved arguments
	 * @return what the method returned
	 * @throws Throwable what the method threw
	 */
	Object invoke(Object[] arguments) throws Throwable {
		try {
			return this.method.invoke(this.bean, arguments);
		}
		catch (InvocationTargetException ex) {
			throw ex.getTargetException();
		}
	}

	/**
	 * Map what the method threw to what the caller is told.
	 * @param exception the exception
	 * @param message the message being handled
	 * @return the exception to report
	 */
	Throwable mapException(Throwable exception, CommMessage message) {
		return this.exceptionMapper.map(exception, message);
	}

	/**
	 * Whether the method is declared {@link CommHandler#nonBlocking() non-blocking}.
	 * @return whether it may run on the thread that received the message
	 */
	public boolean isNonBlocking() {
		return this.nonBlocking;
	}

	/**
	 * Whether the method answers with a stream of items: it returns a publisher, a
	 * {@code Stream} or an {@code Iterator}.
	 * @return whether only stream requests can call it
	 */
	public boolean isStreaming() {
		return this.streaming;
	}

	public Method getMethod() {
		return this.method;
	}

	@Override
	public String toString() {
		return describe(this.method);
	}

	/**
	 * How startup failures and logs name a method: its class, name and parameter types.
	 * @param method the method
	 * @return the description
	 */
	public static String describe(Method method) {
		return method.getDeclaringClass().getName() + "." + method.getName()
				+ Arrays.stream(method.getParameterTypes())
					.map(Class::getSimpleName)
					.collect(Collectors.joining(", ", "(", ")"));
	}

}
