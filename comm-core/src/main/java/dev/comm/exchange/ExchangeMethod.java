package dev.comm.exchange;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import dev.comm.client.CommPool;
import dev.comm.client.CommReply;
import dev.comm.client.ReplyType;

/**
 * One method of a {@link CommExchange} interface, read once when the client is made: what
 * it sends, to which route, and what its return type asks for. Every mistake in a
 * declaration is found here, naming the method, so that it fails at startup and not at
 * the first call.
 */
final class ExchangeMethod {

	private enum Shape {

		/** Wait for the reply and return it. */
		VALUE,

		/** Return a future of the reply at once. */
		FUTURE,

		/** Ask every member and return their replies. */
		BROADCAST,

		/** Send and return once accepted. */
		THROW

	}

	private final Shape shape;

	private final String route;

	private final ReplyType<Object> replyType;

	private final boolean takesPayload;

	private final CommPool target;

	private ExchangeMethod(Shape shape, String route, ReplyType<Object> replyType, boolean takesPayload,
			CommPool target) {
		this.shape = shape;
		this.route = route;
		this.replyType = replyType;
		this.takesPayload = takesPayload;
		this.target = target;
	}

	/**
	 * Read a method's declaration.
	 * @param method the interface method
	 * @param target where its calls go
	 * @return the method, ready to be called
	 * @throws IllegalStateException naming the method if its declaration is wrong
	 */
	static ExchangeMethod of(Method method, CommPool target) {
		CommRequest request = method.getAnnotation(CommRequest.class);
		CommThrow send = method.getAnnotation(CommThrow.class);
		if (request == null && send == null) {
			throw invalid(method, "has neither @CommRequest nor @CommThrow");
		}
		if (request != null && send != null) {
			throw invalid(method, "has both @CommRequest and @CommThrow; a call is one or the other");
		}
		if (method.getParameterCount() > 1) {
			throw invalid(method, "takes " + method.getParameterCount()
					+ " parameters; a comm call sends one payload (wrap them in a record)");
		}
		boolean takesPayload = method.getParameterCount() == 1;
		String route = (request != null) ? request.value() : send.value();
		if (route.isBlank()) {
			throw invalid(method, "declares no route");
		}
		if (send != null) {
			if (method.getReturnType() != void.class) {
				throw invalid(method, "is a @CommThrow, which has no reply, so it must return void, not "
						+ method.getGenericReturnType().getTypeName());
			}
			return new ExchangeMethod(Shape.THROW, route, null, takesPayload, target);
		}
		CommPool timed = withTimeout(method, request.timeout(), target);
		Type returned = method.getGenericReturnType();
		if (method.getReturnType() == CompletableFuture.class) {
			return new ExchangeMethod(Shape.FUTURE, route, ReplyType.forType(typeArgument(method, returned)),
					takesPayload, timed);
		}
		if (method.getReturnType() == List.class && isReplyList(returned)) {
			Type replies = typeArgument(method, returned);
			return new ExchangeMethod(Shape.BROADCAST, route, ReplyType.forType(typeArgument(method, replies)),
					takesPayload, timed);
		}
		Type reply = (returned == void.class) ? Void.class : returned;
		return new ExchangeMethod(Shape.VALUE, route, ReplyType.forType(reply), takesPayload, timed);
	}

	/**
	 * Make the call.
	 * @param args the method's arguments, {@code null} for none
	 * @return what the method returns
	 */
	Object invoke(Object[] args) {
		Object payload = this.takesPayload ? args[0] : null;
		return switch (this.shape) {
			case VALUE -> this.target.request(this.route, payload, this.replyType);
			case FUTURE -> this.target.requestAsync(this.route, payload, this.replyType);
			case BROADCAST -> this.target.broadcast(this.route, payload, this.replyType);
			case THROW -> {
				this.target.send(this.route, payload);
				yield null;
			}
		};
	}

	private static boolean isReplyList(Type returned) {
		return returned instanceof ParameterizedType list
				&& list.getActualTypeArguments()[0] instanceof ParameterizedType element
				&& element.getRawType() == CommReply.class;
	}

	private static Type typeArgument(Method method, Type type) {
		if (!(type instanceof ParameterizedType parameterized)) {
			throw invalid(method, "returns a raw " + type.getTypeName() + "; say what it holds, such as "
					+ type.getTypeName() + "<String>");
		}
		return parameterized.getActualTypeArguments()[0];
	}

	private static CommPool withTimeout(Method method, String timeout, CommPool target) {
		if (timeout.isBlank()) {
			return target;
		}
		Duration parsed;
		try {
			parsed = Timeouts.parse(timeout);
		}
		catch (IllegalArgumentException ex) {
			throw invalid(method, "has timeout '" + timeout + "': " + ex.getMessage());
		}
		return target.withTimeout(parsed);
	}

	static IllegalStateException invalid(Method method, String problem) {
		return new IllegalStateException(describe(method) + " " + problem);
	}

	static String describe(Method method) {
		String parameters = Arrays.stream(method.getParameterTypes())
			.map(Class::getSimpleName)
			.collect(Collectors.joining(", "));
		return method.getDeclaringClass().getName() + "." + method.getName() + "(" + parameters + ")";
	}

}
