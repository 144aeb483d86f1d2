package dev.comm.internal.transport.ws;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;
import org.springframework.web.socket.server.support.OriginHandshakeInterceptor;
import org.springframework.web.socket.server.support.WebSocketHttpRequestHandler;

import dev.comm.CommConnectionLostException;
import dev.comm.CommException;
import dev.comm.address.CommAddress;
import dev.comm.transport.Connection;
import dev.comm.transport.Listener;
import dev.comm.transport.Transport;
import dev.comm.transport.TransportSettings;

/**
 * {@code ws://} and {@code wss://} on Spring WebSocket. A listener ({@code ws:/path}) is
 * mounted at its path on the application's own servlet web server through
 * {@link WebSocketMounts}; a connector dials {@code ws://host:port/path} with Spring's
 * {@link StandardWebSocketClient} over the JSR-356 client on the classpath (Tomcat's,
 * with Spring Boot's web starters). Frames are mapped to WebSocket messages by
 * {@link WebSocketFrames}; handshake, correlation and limits stay in the link above.
 */
public class WebSocketTransport implements Transport {

	/** Tomcat's JSR-356 client reads its connect and handshake timeout from this. */
	private static final String TOMCAT_IO_TIMEOUT = "org.apache.tomcat.websocket.IO_TIMEOUT_MS";

	private final WebSocketMounts mounts;

	private final Set<WebSocketConnection> connections = ConcurrentHashMap.newKeySet();

	private final ExecutorService writers = Executors.newCachedThreadPool((runnable) -> {
		Thread thread = new Thread(runnable, "comm-ws-write");
		thread.setDaemon(true);
		return thread;
	});

	/**
	 * Create a transport that can listen (on the server that {@code mounts} routes from)
	 * and connect.
	 * @param mounts the application's mount points, or {@code null} for a transport that
	 * only connects, in an application without a servlet web server
	 */
	public WebSocketTransport(WebSocketMounts mounts) {
		this.mounts = mounts;
	}

	@Override
	public List<String> schemes() {
		return List.of("ws", "wss");
	}

	@Override
	public CompletableFuture<Connection> connect(CommAddress address, TransportSettings settings) {
		if (address.host() == null) {
			return CompletableFuture.failedFuture(new CommConnectionLostException(
					"Cannot connect to " + address + ": a connector needs a host, as in ws://host:8080/comm"));
		}
		String remote = address.toString();
		CompletableFuture<Connection> result;
		try {
			StandardWebSocketClient client = new StandardWebSocketClient();
			client.setUserProperties(Map.of(TOMCAT_IO_TIMEOUT, String.valueOf(settings.connectTimeout().toMillis())));
			if ("wss".equals(address.scheme()) && settings.tls() != null) {
				// the certificates to trust instead of the JVM's; the JSR-356 client
				// checks the host name itself
				client.setSslContext(settings.tls().context());
			}
			CommWebSocketHandler handler = new CommWebSocketHandler(settings.maxFrameSize(), this.writers,
					this.connections::add, this.connections::remove, remote);
			result = client.execute(handler, new WebSocketHttpHeaders(), URI.create(remote))
				.thenApply(CommWebSocketHandler::connectionOf);
		}
		catch (RuntimeException | LinkageError ex) {
			// no JSR-356 client implementation, or a URI the client cannot use
			return CompletableFuture.failedFuture(new CommConnectionLostException(
					"Cannot connect to " + remote + ": " + ex.getMessage() + " (a ws connector needs a JSR-356"
							+ " WebSocket client on the classpath, such as tomcat-embed-websocket)",
					ex));
		}
		// the client's own timeout covers the handshake; this one only guards against a
		// client that never answers
		return result.orTimeout(settings.connectTimeout().toMillis() * 2, TimeUnit.MILLISECONDS)
			.exceptionallyCompose((ex) -> {
				Throwable cause = (ex instanceof CompletionException && ex.getCause() != null) ? ex.getCause() : ex;
				return CompletableFuture.failedFuture(
						new CommConnectionLostException("Cannot connect to " + remote + ": " + describe(cause), cause));
			});
	}

	private static String describe(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return (root == failure) ? String.valueOf(failure.getMessage())
				: failure.getMessage() + " (" + root.getMessage() + ")";
	}

	@Override
	public Listener listen(CommAddress address, TransportSettings settings, Consumer<Connection> acceptor) {
		if (this.mounts == null) {
			throw new CommException("Cannot listen on " + address + ": a ws listener is mounted on the application's"
					+ " servlet web server, and this application runs none; run it as a servlet web application"
					+ " (spring-boot-starter-websocket) or listen on tcp:// instead");
		}
		CommWebSocketHandler handler = new CommWebSocketHandler(settings.maxFrameSize(), this.writers, (connection) -> {
			this.connections.add(connection);
			acceptor.accept(connection);
		}, this.connections::remove, null);
		WebSocketHttpRequestHandler upgrade = new WebSocketHttpRequestHandler(handler, new DefaultHandshakeHandler());
		upgrade.setHandshakeInterceptors(
				List.of(new OriginHandshakeInterceptor(this.mounts.allowedOrigins(address.path()))));
		upgrade.start();
		this.mounts.mount(address, upgrade);
		return new Listener() {
			@Override
			public CommAddress address() {
				return WebSocketTransport.this.mounts.addressOf(address);
			}

			@Override
			public void close() {
				WebSocketTransport.this.mounts.unmount(address.path(), upgrade);
				upgrade.stop();
			}
		};
	}

	@Override
	public void close() {
		this.connections.forEach(WebSocketConnection::close);
		this.writers.shutdown();
	}

}
