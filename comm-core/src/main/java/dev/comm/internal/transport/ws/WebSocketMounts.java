package dev.comm.internal.transport.ws;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.web.HttpRequestHandler;

import dev.comm.CommException;
import dev.comm.address.CommAddress;

/**
 * The paths of the application's own HTTP server where ws listeners are mounted, and
 * where that server is. Shared by {@link WebSocketTransport} (which mounts and unmounts
 * as listeners start and stop) and {@link WebSocketMountHandlerMapping} (which routes
 * upgrade requests to them), so listeners come and go without touching the server's
 * configuration.
 */
public final class WebSocketMounts {

	private final Map<String, HttpRequestHandler> byPath = new ConcurrentHashMap<>();

	private final Map<String, List<String>> allowedOrigins = new ConcurrentHashMap<>();

	private volatile String serverHost;

	private volatile int serverPort = -1;

	/**
	 * Say where the server listens, once it does; listeners' addresses name it from then
	 * on.
	 * @param host the host peers use to reach it
	 * @param port the port it is bound to
	 */
	public void setServer(String host, int port) {
		this.serverHost = host;
		this.serverPort = port;
	}

	/**
	 * Allow browser connections from other origins to the listener at a path. By default
	 * only same-origin browser connections are accepted; clients that send no
	 * {@code Origin} header (anything but a browser) are not affected.
	 * @param path the listener's path
	 * @param origins allowed origins such as {@code https://app.example.com}, or
	 * {@code *} for any
	 */
	public void setAllowedOrigins(String path, List<String> origins) {
		this.allowedOrigins.put(path, List.copyOf(origins));
	}

	List<String> allowedOrigins(String path) {
		return this.allowedOrigins.getOrDefault(path, List.of());
	}

	/**
	 * The handler of the upgrade requests to a path.
	 * @param path the path within the application
	 * @return the handler, or {@code null} when no listener is mounted there
	 */
	HttpRequestHandler handlerFor(String path) {
		return this.byPath.get(path);
	}

	void mount(CommAddress address, HttpRequestHandler handler) {
		if (address.host() != null && this.serverPort > 0 && address.port() != this.serverPort) {
			throw new CommException("Cannot listen on " + address + ": ws listeners are mounted on the application's"
					+ " HTTP server, which is on port " + this.serverPort + "; write the address as " + address.scheme()
					+ ":" + address.path());
		}
		if (this.byPath.putIfAbsent(address.path(), handler) != null) {
			throw new CommException("Cannot listen on " + address + ": another ws listener is mounted at that path");
		}
	}

	void unmount(String path, HttpRequestHandler handler) {
		this.byPath.remove(path, handler);
	}

	CommAddress addressOf(CommAddress requested) {
		String host = this.serverHost;
		int port = this.serverPort;
		if (host == null || port <= 0) {
			return CommAddress.ws(requested.scheme().equals("wss"), null, -1, requested.path());
		}
		return CommAddress.ws(requested.scheme().equals("wss"), host, port, requested.path());
	}

}
