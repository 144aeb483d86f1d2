package dev.comm.internal.handler;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Routes and their handlers, plus the optional fallback for everything unmatched. Filled
 * at startup and read concurrently afterwards.
 */
public final class RouteTable {

	private final Map<String, HandlerMethod> routes = new ConcurrentHashMap<>();

	private volatile HandlerMethod fallback;

	/**
	 * Map a route to a handler.
	 * @param route the route
	 * @param handler the handler
	 * @throws IllegalStateException naming both methods if the route is mapped already
	 */
	public synchronized void add(String route, HandlerMethod handler) {
		if (route == null || route.isEmpty()) {
			throw new IllegalStateException("Handler " + handler + " declares an empty route");
		}
		HandlerMethod previous = this.routes.putIfAbsent(route, handler);
		if (previous != null) {
			throw new IllegalStateException(
					"Route '" + route + "' is mapped twice: to " + previous + " and to " + handler + "; keep one");
		}
	}

	/**
	 * Set the handler for messages no route matched.
	 * @param handler the handler
	 * @throws IllegalStateException naming both methods if there is one already
	 */
	public synchronized void setFallback(HandlerMethod handler) {
		if (this.fallback != null) {
			throw new IllegalStateException(
					"Two @OnCommRequest methods: " + this.fallback + " and " + handler + "; keep one");
		}
		this.fallback = handler;
	}

	/**
	 * The handler for a route: its own, else the fallback, else {@code null}.
	 * @param route the route, may be {@code null}
	 * @return the handler or {@code null}
	 */
	public HandlerMethod find(String route) {
		HandlerMethod handler = (route != null) ? this.routes.get(route) : null;
		return (handler != null) ? handler : this.fallback;
	}

	/**
	 * Whether a handler of its own serves {@code route}, not the fallback.
	 * @param route the route, may be {@code null}
	 * @return whether the route is mapped
	 */
	public boolean isMapped(String route) {
		return route != null && this.routes.containsKey(route);
	}

	public Set<String> routes() {
		return Collections.unmodifiableSet(new TreeSet<>(this.routes.keySet()));
	}

}
