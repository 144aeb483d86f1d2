package dev.comm.internal.transport.ws;

import java.util.concurrent.Executor;
import java.util.function.Consumer;

import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * Bridges Spring WebSocket sessions to {@link WebSocketConnection}s: one instance per
 * listener (its sessions are the accepted connections) or per dialled connection. The
 * connection lives in the session's attributes, so the handler itself holds no
 * per-session state.
 */
final class CommWebSocketHandler implements WebSocketHandler {

	private static final String CONNECTION = CommWebSocketHandler.class.getName() + ".connection";

	private final int maxFrameSize;

	private final Executor writer;

	private final Consumer<WebSocketConnection> opened;

	private final Consumer<WebSocketConnection> closed;

	private final String remoteAddress;

	/**
	 * Create a handler.
	 * @param maxFrameSize the largest frame body accepted
	 * @param writer runs the connections' writes
	 * @param opened told of each new connection, on the container's thread, before any
	 * message of it is handled
	 * @param closed told when a connection closed
	 * @param remoteAddress how to name the peer, or {@code null} to use the session's
	 * remote address
	 */
	CommWebSocketHandler(int maxFrameSize, Executor writer, Consumer<WebSocketConnection> opened,
			Consumer<WebSocketConnection> closed, String remoteAddress) {
		this.maxFrameSize = maxFrameSize;
		this.writer = writer;
		this.opened = opened;
		this.closed = closed;
		this.remoteAddress = remoteAddress;
	}

	static WebSocketConnection connectionOf(WebSocketSession session) {
		return (WebSocketConnection) session.getAttributes().get(CONNECTION);
	}

	@Override
	public void afterConnectionEstablished(WebSocketSession session) {
		String remote = (this.remoteAddress != null) ? this.remoteAddress
				: String.valueOf(session.getRemoteAddress()) + " on " + session.getUri();
		WebSocketConnection connection = new WebSocketConnection(session, remote, this.maxFrameSize, this.writer,
				this.closed);
		session.getAttributes().put(CONNECTION, connection);
		this.opened.accept(connection);
	}

	@Override
	public void handleMessage(WebSocketSession session, WebSocketMessage<?> message) {
		connectionOf(session).received(message);
	}

	@Override
	public void handleTransportError(WebSocketSession session, Throwable exception) {
		WebSocketConnection connection = connectionOf(session);
		if (connection != null) {
			connection.failed(exception);
		}
	}

	@Override
	public void afterConnectionClosed(WebSocketSession session, CloseStatus closeStatus) {
		WebSocketConnection connection = connectionOf(session);
		if (connection != null) {
			connection.closed(closeStatus);
		}
	}

	@Override
	public boolean supportsPartialMessages() {
		return true;
	}

}
