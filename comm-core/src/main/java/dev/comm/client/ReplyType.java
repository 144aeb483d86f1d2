package dev.comm.client;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/**
 * Captures a generic reply type: {@code new ReplyType<List<Order>>() {}}.
 *
 * @param <T> the reply type
 */
public abstract class ReplyType<T> {

	private final Type type;

	protected ReplyType() {
		Type superclass = getClass().getGenericSuperclass();
		if (!(superclass instanceof ParameterizedType parameterized)) {
			throw new IllegalStateException("Create a ReplyType as an anonymous subclass: new ReplyType<List<X>>() {}");
		}
		this.type = parameterized.getActualTypeArguments()[0];
	}

	private ReplyType(Type type) {
		this.type = type;
	}

	/**
	 * A reply type for a plain class.
	 * @param <T> the type
	 * @param type the class
	 * @return the reply type
	 */
	public static <T> ReplyType<T> of(Class<T> type) {
		return new ReplyType<>(type) {
		};
	}

	/**
	 * The reply type of a declared type, such as a method's generic return type.
	 * @param type the type
	 * @return the reply type
	 */
	public static ReplyType<Object> forType(Type type) {
		return new ReplyType<>(type) {
		};
	}

	public Type getType() {
		return this.type;
	}

}
