package dev.comm.exchange;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

import dev.comm.client.CommClient;
import dev.comm.client.CommPool;

/**
 * Makes clients from {@link CommExchange} interfaces. The Spring Boot starter does this
 * for every such interface in the application's packages; call it yourself for an
 * interface elsewhere or without Spring.
 */
public final class CommExchanges {

	private CommExchanges() {
	}

	/**
	 * A client for an interface. Every method is read now: a wrong declaration or an
	 * unknown connector or pool fails here, naming the method.
	 * @param <T> the interface
	 * @param type the interface, annotated {@link CommExchange}
	 * @param client the client that makes the calls
	 * @return the client
	 * @throws IllegalStateException if the interface is declared wrong
	 */
	public static <T> T create(Class<T> type, CommClient client) {
		CommPool target = client.to(targetName(type, client));
		Map<Method, ExchangeMethod> methods = new HashMap<>();
		for (Method method : type.getMethods()) {
			if (!method.isDefault() && !Modifier.isStatic(method.getModifiers())) {
				methods.put(method, ExchangeMethod.of(method, target));
			}
		}
		InvocationHandler handler = (proxy, method, args) -> {
			ExchangeMethod exchange = methods.get(method);
			if (exchange != null) {
				return exchange.invoke(args);
			}
			if (method.isDefault()) {
				return InvocationHandler.invokeDefault(proxy, method, args);
			}
			return objectMethod(type, proxy, method, args);
		};
		return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, handler));
	}

	private static String targetName(Class<?> type, CommClient client) {
		CommExchange exchange = type.getAnnotation(CommExchange.class);
		if (!type.isInterface() || exchange == null) {
			throw new IllegalStateException(type.getName() + " is not an interface annotated @CommExchange");
		}
		boolean connector = !exchange.connector().isBlank();
		boolean pool = !exchange.pool().isBlank();
		if (connector == pool) {
			throw new IllegalStateException("@CommExchange on " + type.getName()
					+ " must name a connector or a pool, not " + (connector ? "both" : "neither"));
		}
		String name = connector ? exchange.connector() : exchange.pool();
		if (!client.connectorNames().contains(name)) {
			throw new IllegalStateException("@CommExchange on " + type.getName() + " names "
					+ (connector ? "connector" : "pool") + " '" + name
					+ "', which is not configured; the configured connectors and pools are " + client.connectorNames());
		}
		return name;
	}

	private static Object objectMethod(Class<?> type, Object proxy, Method method, Object[] args) {
		return switch (method.getName()) {
			case "equals" -> proxy == args[0];
			case "hashCode" -> System.identityHashCode(proxy);
			case "toString" -> "CommExchange[" + type.getName() + "]";
			default -> throw new UnsupportedOperationException(method.toString());
		};
	}

}
