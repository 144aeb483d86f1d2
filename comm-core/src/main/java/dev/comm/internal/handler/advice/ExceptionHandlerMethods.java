package dev.comm.internal.handler.advice;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.comm.handler.advice.CommExceptionHandler;

/**
 * The exception handler methods of one bean, and which of them handles an exception type:
 * the one declared for the closest superclass, as the class hierarchy counts. Lookups are
 * cached per exception class.
 */
public final class ExceptionHandlerMethods {

	private final Map<Class<? extends Throwable>, ExceptionHandlerMethod> byType;

	private final Map<Class<?>, Optional<ExceptionHandlerMethod>> cache = new ConcurrentHashMap<>();

	private ExceptionHandlerMethods(Map<Class<? extends Throwable>, ExceptionHandlerMethod> byType) {
		this.byType = byType;
	}

	/**
	 * Find the exception handler methods of a bean.
	 * @param bean the bean
	 * @param type its class, without any proxy
	 * @return its exception handlers, maybe none
	 * @throws IllegalStateException naming the methods if a declaration is wrong or two
	 * methods handle the same type
	 */
	public static ExceptionHandlerMethods of(Object bean, Class<?> type) {
		Map<Class<? extends Throwable>, ExceptionHandlerMethod> byType = new LinkedHashMap<>();
		for (Method method : annotatedMethods(type)) {
			ExceptionHandlerMethod handler = new ExceptionHandlerMethod(bean, method);
			for (Class<? extends Throwable> exceptionType : handler.exceptionTypes()) {
				ExceptionHandlerMethod previous = byType.putIfAbsent(exceptionType, handler);
				if (previous != null) {
					throw new IllegalStateException("Two exception handlers for " + exceptionType.getName() + ": "
							+ previous + " and " + handler + "; keep one");
				}
			}
		}
		return new ExceptionHandlerMethods(byType);
	}

	private static List<Method> annotatedMethods(Class<?> type) {
		List<Method> methods = new ArrayList<>();
		List<String> seen = new ArrayList<>();
		for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
			for (Method method : current.getDeclaredMethods()) {
				// an override replaces the method it overrides, so each signature counts
				// once
				String signature = method.getName() + List.of(method.getParameterTypes());
				if (method.isAnnotationPresent(CommExceptionHandler.class) && !method.isBridge()
						&& !seen.contains(signature)) {
					methods.add(method);
				}
				seen.add(signature);
			}
		}
		return methods;
	}

	public boolean isEmpty() {
		return this.byType.isEmpty();
	}

	/**
	 * The method that handles an exception class.
	 * @param exceptionClass the class of the exception
	 * @return the closest match, or {@code null}
	 */
	ExceptionHandlerMethod find(Class<? extends Throwable> exceptionClass) {
		if (this.byType.isEmpty()) {
			return null;
		}
		return this.cache.computeIfAbsent(exceptionClass, this::closest).orElse(null);
	}

	private Optional<ExceptionHandlerMethod> closest(Class<?> exceptionClass) {
		for (Class<?> current = exceptionClass; current != null; current = current.getSuperclass()) {
			ExceptionHandlerMethod handler = this.byType.get(current);
			if (handler != null) {
				return Optional.of(handler);
			}
		}
		return Optional.empty();
	}

}
