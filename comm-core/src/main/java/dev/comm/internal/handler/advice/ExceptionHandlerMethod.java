package dev.comm.internal.handler.advice;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;

import dev.comm.CommException;
import dev.comm.client.CommPeer;
import dev.comm.handler.CommMessage;
import dev.comm.handler.advice.CommExceptionHandler;
import dev.comm.internal.handler.HandlerMethod;

/**
 * One {@link CommExceptionHandler} method: the exception types it handles, checked at
 * startup, and how to call it with the exception and the message.
 */
final class ExceptionHandlerMethod {

	private final Object bean;

	private final Method method;

	private final List<Class<? extends Throwable>> exceptionTypes;

	private final Class<?>[] parameterTypes;

	/**
	 * Describe an exception handler method.
	 * @param bean the bean to call it on
	 * @param method the annotated method
	 * @throws IllegalStateException naming the method if its declaration is wrong
	 */
	@SuppressWarnings("unchecked")
	ExceptionHandlerMethod(Object bean, Method method) {
		this.bean = bean;
		this.method = method;
		this.parameterTypes = method.getParameterTypes();
		Class<?> exceptionParameter = null;
		for (Class<?> type : this.parameterTypes) {
			if (Throwable.class.isAssignableFrom(type)) {
				if (exceptionParameter != null) {
					throw new IllegalStateException("Exception handler " + this + " has two exception parameters");
				}
				exceptionParameter = type;
			}
			else if (type != CommMessage.class && type != CommPeer.class) {
				throw new IllegalStateException("Exception handler " + this + " has a parameter of type "
						+ type.getName() + "; it may take the exception, a CommMessage and a CommPeer");
			}
		}
		Class<?> returnType = method.getReturnType();
		if (returnType != void.class && !CommException.class.isAssignableFrom(returnType)) {
			throw new IllegalStateException("Exception handler " + this + " returns " + returnType.getName()
					+ "; return (or throw) a RequesterFaultException or ResponderFaultException");
		}
		Class<? extends Throwable>[] declared = method.getAnnotation(CommExceptionHandler.class).value();
		if (declared.length > 0) {
			this.exceptionTypes = List.of(declared);
		}
		else if (exceptionParameter != null) {
			this.exceptionTypes = List.of((Class<? extends Throwable>) exceptionParameter);
		}
		else {
			throw new IllegalStateException("Exception handler " + this
					+ " names no exception type; list them in @CommExceptionHandler or declare the exception parameter");
		}
		for (Class<? extends Throwable> type : this.exceptionTypes) {
			if (exceptionParameter != null && !exceptionParameter.isAssignableFrom(type)) {
				throw new IllegalStateException("Exception handler " + this + " handles " + type.getName()
						+ " but its parameter takes " + exceptionParameter.getName());
			}
		}
		method.setAccessible(true);
	}

	List<Class<? extends Throwable>> exceptionTypes() {
		return this.exceptionTypes;
	}

	/**
	 * Call the method.
	 * @param exception the exception being mapped
	 * @param message the message whose handler threw it
	 * @return what the method returned, or the exception it threw
	 */
	Object invoke(Throwable exception, CommMessage message) {
		Object[] arguments = new Object[this.parameterTypes.length];
		for (int i = 0; i < arguments.length; i++) {
			Class<?> type = this.parameterTypes[i];
			arguments[i] = (type == CommMessage.class) ? message
					: (type == CommPeer.class) ? message.getPeer() : exception;
		}
		try {
			return this.method.invoke(this.bean, arguments);
		}
		catch (InvocationTargetException ex) {
			return ex.getTargetException();
		}
		catch (IllegalAccessException | IllegalArgumentException ex) {
			// reported as a broken exception handler, so the original exception is kept
			return ex;
		}
	}

	@Override
	public String toString() {
		return HandlerMethod.describe(this.method);
	}

}
