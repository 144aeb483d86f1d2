package dev.comm.internal.transport.ws;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;

import dev.comm.CommConnectionLostException;
import dev.comm.protocol.Frame;
import dev.comm.protocol.FrameTooLargeException;
import dev.comm.protocol.ProtocolException;
import dev.comm.transport.Connection;
import dev.comm.transport.FrameReceiver;
import dev.comm.transport.PreparedFrame;

/**
 * A {@link Connection} over one WebSocket session, either side. Frames that arrive before
 * {@link #start} (a client's session is open, and may hear the server's hello, before its
 * owner starts it) are held and delivered first.
 */
final class WebSocketConnection implements Connection {

	private static final Logger logger = LoggerFactory.getLogger(WebSocketConnection.class);

	private final WebSocketSession session;

	private final String remoteAddress;

	private final InboundMessages inbound;

	private final SerialWebSocketSender sender;

	private final Consumer<WebSocketConnection> onClosed;

	/** Guards delivery, so that frames reach the receiver one at a time and in order. */
	private final Object deliveryLock = new Object();

	private FrameReceiver receiver;

	private List<Frame> early = new ArrayList<>();

	private boolean closeReported;

	private boolean closedBeforeStart;

	private volatile boolean closing;

	private volatile Throwable failure;

	private final int maxFrameSize;

	WebSocketConnection(WebSocketSession session, String remoteAddress, int maxFrameSize, Executor writer,
			Consumer<WebSocketConnection> onClosed) {
		this.session = session;
		this.remoteAddress = remoteAddress;
		this.inbound = new InboundMessages(maxFrameSize);
		this.maxFrameSize = maxFrameSize;
		this.sender = new SerialWebSocketSender(session, writer, remoteAddress, this::failed);
		this.onClosed = onClosed;
	}

	@Override
	public void start(FrameReceiver receiver) {
		synchronized (this.deliveryLock) {
			this.early.forEach(receiver::frame);
			this.early = null;
			this.receiver = receiver;
			if (this.closedBeforeStart) {
				reportClosed();
			}
		}
	}

	@Override
	public CompletableFuture<Void> send(Frame frame) {
		return prepare(frame).send();
	}

	@Override
	public PreparedFrame prepare(Frame frame) {
		if (!isOpen()) {
			// nothing to encode for a connection that will not take it
			return () -> {
				CompletableFuture<Void> refused = closed();
				return () -> refused;
			};
		}
		WebSocketMessage<?> encoded = WebSocketFrames.encode(frame);
		return () -> {
			// checked again: the connection may have closed since the frame was encoded
			CompletableFuture<Void> sent = isOpen() ? this.sender.send(encoded) : closed();
			return () -> sent;
		};
	}

	private CompletableFuture<Void> closed() {
		return CompletableFuture
			.failedFuture(new CommConnectionLostException("Connection to " + this.remoteAddress + " is closed"));
	}

	@Override
	public void close() {
		closeWith(CloseStatus.NORMAL);
	}

	private void closeWith(CloseStatus status) {
		this.closing = true;
		// behind the writes already queued, so that a refusal or close notify goes first
		this.sender.close(status);
	}

	@Override
	public boolean isOpen() {
		return !this.closing && this.session.isOpen();
	}

	@Override
	public String remoteAddress() {
		return this.remoteAddress;
	}

	/**
	 * The user that authenticated the upgrade request, for example through Spring
	 * Security; on the dialling side, nobody.
	 */
	@Override
	public Principal peerPrincipal() {
		return this.session.getPrincipal();
	}

	/**
	 * A message or message part arrived; called by the container, one at a time.
	 * @param message the message
	 */
	void received(WebSocketMessage<?> message) {
		if (this.failure != null) {
			return;
		}
		Frame frame;
		try {
			frame = this.inbound.accept(message);
		}
		catch (ProtocolException ex) {
			this.failure = ex;
			logger.warn("Closing connection to {}: {}", this.remoteAddress, ex.getMessage());
			closeWith((ex instanceof FrameTooLargeException) ? CloseStatus.TOO_BIG_TO_PROCESS
					: CloseStatus.PROTOCOL_ERROR);
			return;
		}
		if (frame != null) {
			deliver(frame);
		}
	}

	private void deliver(Frame frame) {
		synchronized (this.deliveryLock) {
			if (this.receiver == null) {
				this.early.add(frame);
			}
			else {
				this.receiver.frame(frame);
			}
		}
	}

	/**
	 * The transport failed under the session; the container closes it next.
	 * @param ex what went wrong
	 */
	void failed(Throwable ex) {
		if (this.failure == null) {
			this.failure = ex;
		}
		close();
	}

	/**
	 * The session closed, whichever side closed it.
	 * @param status the close status
	 */
	void closed(CloseStatus status) {
		this.closing = true;
		this.sender.closed();
		if (this.failure == null && !CloseStatus.NORMAL.equalsCode(status)
				&& !CloseStatus.GOING_AWAY.equalsCode(status)) {
			this.failure = new CommConnectionLostException("WebSocket closed with status " + status.getCode()
					+ ((status.getReason() != null) ? " (" + status.getReason() + ")" : ""));
		}
		synchronized (this.deliveryLock) {
			if (this.receiver == null) {
				this.closedBeforeStart = true;
			}
			else {
				reportClosed();
			}
		}
		this.onClosed.accept(this);
	}

	private void reportClosed() {
		if (!this.closeReported) {
			this.closeReported = true;
			this.receiver.closed(this.failure);
		}
	}

	@Override
	public String toString() {
		return "WebSocketConnection[" + this.remoteAddress + "]";
	}

	@Override
	public int maxFrameSize() {
		return this.maxFrameSize;
	}

}
