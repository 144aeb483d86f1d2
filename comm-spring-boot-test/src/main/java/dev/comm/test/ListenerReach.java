package dev.comm.test;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import dev.comm.address.CommAddress;

/**
 * Whether a connector's address would reach a listener of the same application over real
 * sockets, so that both can be moved to one in-process name and still meet: a tcp
 * connector to {@code localhost:7000} reaches a listener on {@code 0.0.0.0:7000}, a unix
 * connector reaches the listener on the same path, a ws connector to any local host
 * reaches the listener mounted at the same path (whose port is the web server's, unknown
 * before it starts), an amqp connector reaches the listener of the same service on the
 * same virtual host.
 */
final class ListenerReach {

	/** Hosts that a listener binds to accept on every interface. */
	private static final Set<String> WILDCARDS = Set.of("0.0.0.0", "::", "0:0:0:0:0:0:0:0", "*");

	private ListenerReach() {
	}

	/**
	 * Whether a connector to {@code connector} meets the listener on {@code listener}.
	 * @param listener where the listener listens
	 * @param connector where the connector dials
	 * @return whether they meet
	 */
	static boolean reaches(CommAddress listener, CommAddress connector) {
		if (!listener.scheme().equals(connector.scheme()) && !bothUnixSockets(listener, connector)) {
			return false;
		}
		return switch (connector.scheme()) {
			case "tcp", "tls" -> listener.port() != 0 && listener.port() == connector.port()
					&& sameHost(listener.host(), connector.host());
			case "unix", "local" -> Objects.equals(listener.path(), connector.path());
			case "ws", "wss" -> Objects.equals(listener.path(), connector.path())
					&& (listener.host() == null ? isLocal(connector.host())
							: listener.port() == connector.port() && sameHost(listener.host(), connector.host()));
			case "amqp", "amqps" -> Objects.equals(listener.parameter("service"), connector.parameter("service"))
					&& Objects.equals(listener.path(), connector.path());
			default -> listener.equals(connector);
		};
	}

	/**
	 * {@code local://name} is a unix socket at a path, so it meets {@code unix://} there.
	 */
	private static boolean bothUnixSockets(CommAddress listener, CommAddress connector) {
		Set<String> unix = Set.of("unix", "local");
		return unix.contains(listener.scheme()) && unix.contains(connector.scheme());
	}

	private static boolean sameHost(String listenerHost, String connectorHost) {
		String listening = listenerHost.toLowerCase(Locale.ROOT);
		String dialled = connectorHost.toLowerCase(Locale.ROOT);
		if (listening.equals(dialled)) {
			return true;
		}
		if (WILDCARDS.contains(listening)) {
			return isLocal(dialled);
		}
		return isLoopback(listening) && isLoopback(dialled);
	}

	/** A host that names this machine without a lookup: loopback, or a wildcard. */
	private static boolean isLocal(String host) {
		return host != null && (isLoopback(host.toLowerCase(Locale.ROOT)) || WILDCARDS.contains(host));
	}

	private static boolean isLoopback(String host) {
		return host.equals("localhost") || host.startsWith("127.") || host.equals("::1")
				|| host.equals("0:0:0:0:0:0:0:1");
	}

}
