package dev.comm.internal.transport.stream;

import java.security.Principal;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLPeerUnverifiedException;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.SslHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.comm.CommConnectionLostException;
import dev.comm.protocol.Frame;
import dev.comm.protocol.FrameCodec;
import dev.comm.protocol.MessageFrame;
import dev.comm.protocol.MessageType;
import dev.comm.transport.Connection;
import dev.comm.transport.FrameReceiver;
import dev.comm.transport.PreparedFrame;
import dev.comm.transport.TransportSettings;

/**
 * A {@link Connection} over a Netty stream channel (TCP or unix socket): the last handler
 * of the pipeline, after {@link StreamFrameDecoder}. Reading stays off until
 * {@link #start} so that no frame arrives before someone can receive it, and pauses while
 * too many delivered throws are not yet {@link #handled handled}: the peer's writes then
 * back up into its socket buffer and its sends wait, instead of this side holding throws
 * without bound. Requests need no such bound here: the link answers those over its limit
 * at once.
 */
final class NettyConnection extends ChannelInboundHandlerAdapter implements Connection {

	private static final Logger logger = LoggerFactory.getLogger(NettyConnection.class);

	private final Channel channel;

	private final String remoteAddress;

	private final AtomicBoolean closedReported = new AtomicBoolean();

	private final WriteBatcher writes;

	private volatile FrameReceiver receiver;

	private volatile Throwable failure;

	private final int maxFrameSize;

	/** Delivered throws not yet handled; only the event loop adds to it. */
	private final AtomicInteger unhandledThrows = new AtomicInteger();

	private final int pauseAt;

	/** Whether reading is off for unhandled throws; changed on the event loop only. */
	private volatile boolean paused;

	private final int resumeAt;

	NettyConnection(Channel channel, String remoteAddress, TransportSettings settings) {
		this.channel = channel;
		this.maxFrameSize = settings.maxFrameSize();
		this.pauseAt = settings.throwsInFlight();
		// half-way down, so that reading does not flip on and off with every throw
		this.resumeAt = this.pauseAt / 2;
		this.remoteAddress = remoteAddress;
		this.writes = new WriteBatcher(channel, remoteAddress);
	}

	@Override
	public void start(FrameReceiver receiver) {
		this.receiver = receiver;
		if (!this.channel.isActive()) {
			reportClosed();
			return;
		}
		this.channel.config().setAutoRead(true);
		this.channel.read();
	}

	@Override
	public CompletableFuture<Void> send(Frame frame) {
		return prepare(frame).send();
	}

	@Override
	public PreparedFrame prepare(Frame frame) {
		if (frame instanceof MessageFrame message) {
			int headSize = FrameCodec.streamHeadSize(message);
			if (headSize > 0 && headSize <= WriteBatcher.MAX_HEAD) {
				// the common case: the event loop writes it into its batch, which copies
				// the payload once rather than twice
				return () -> enqueued(message, headSize, null);
			}
		}
		// encoded on the sender's thread, so that encoding runs in parallel with I/O
		byte[] encoded = FrameCodec.encodeForStream(frame);
		return () -> enqueued(null, 0, encoded);
	}

	/** Put a message, or else encoded bytes, in line for writing. */
	private PreparedFrame.Queued enqueued(MessageFrame message, int headSize, byte[] encoded) {
		if (!this.channel.isActive()) {
			CompletableFuture<Void> closed = CompletableFuture
				.failedFuture(new CommConnectionLostException("Connection to " + this.remoteAddress + " is closed"));
			return () -> closed;
		}
		long queued = (message != null) ? this.writes.enqueue(message, headSize) : this.writes.enqueue(encoded);
		return () -> this.writes.afterEnqueue(queued);
	}

	@Override
	public void close() {
		this.writes.drainThen(this.channel::close);
	}

	@Override
	public boolean isOpen() {
		return this.channel.isActive();
	}

	@Override
	public String remoteAddress() {
		return this.remoteAddress;
	}

	@Override
	public Principal peerPrincipal() {
		SslHandler tls = this.channel.pipeline().get(SslHandler.class);
		if (tls == null) {
			return null;
		}
		try {
			return tls.engine().getSession().getPeerPrincipal();
		}
		catch (SSLPeerUnverifiedException ex) {
			// the peer presented no certificate, as a client may when it is not asked
			return null;
		}
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		if (isThrow(msg) && this.unhandledThrows.incrementAndGet() >= this.pauseAt && !this.paused) {
			// frames already read still arrive: the slack is what one read decodes
			this.paused = true;
			this.channel.config().setAutoRead(false);
		}
		this.receiver.frame((Frame) msg);
	}

	@Override
	public void handled(MessageFrame message) {
		// any thread: the event loop alone pauses and resumes, so that a resume can never
		// run before the pause it undoes; a pause after this crossing is followed by
		// another crossing, since it needs the count at pauseAt
		if (isThrow(message) && this.unhandledThrows.decrementAndGet() == this.resumeAt) {
			try {
				this.channel.eventLoop().execute(this::resumeIfDrained);
			}
			catch (RejectedExecutionException ex) {
				// the event loop is gone and took the channel with it
			}
		}
	}

	private void resumeIfDrained() {
		if (this.paused && this.unhandledThrows.get() <= this.resumeAt) {
			this.paused = false;
			this.channel.config().setAutoRead(true);
		}
	}

	@Override
	public boolean isReadingPaused() {
		return this.paused;
	}

	private static boolean isThrow(Object frame) {
		return frame instanceof MessageFrame message && message.metadata().type() == MessageType.THROW;
	}

	/**
	 * Delivered throws whose handling has not finished.
	 * @return the count
	 */
	int unhandledThrows() {
		return this.unhandledThrows.get();
	}

	@Override
	public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
		this.failure = (cause instanceof DecoderException && cause.getCause() != null) ? cause.getCause() : cause;
		SslHandler tls = this.channel.pipeline().get(SslHandler.class);
		boolean handshaking = tls != null && !tls.handshakeFuture().isSuccess();
		String reason = (handshaking ? "the TLS handshake failed: " : "") + this.failure.getMessage();
		if (handshaking && this.channel.parent() == null) {
			// this side dialled: the connect fails with this reason, which the dialler
			// reports, once rather than at every retry
			logger.debug("Closing connection to {}: {}", this.remoteAddress, reason);
		}
		else {
			logger.warn("Closing connection to {}: {}", this.remoteAddress, reason);
		}
		ctx.close();
	}

	@Override
	public void channelWritabilityChanged(ChannelHandlerContext ctx) {
		this.writes.release();
		ctx.fireChannelWritabilityChanged();
	}

	@Override
	public void channelInactive(ChannelHandlerContext ctx) {
		this.writes.closed();
		if (this.receiver != null) {
			reportClosed();
		}
	}

	private void reportClosed() {
		if (this.closedReported.compareAndSet(false, true)) {
			this.receiver.closed(this.failure);
		}
	}

	@Override
	public String toString() {
		return "NettyConnection[" + this.remoteAddress + "]";
	}

	@Override
	public int maxFrameSize() {
		return this.maxFrameSize;
	}

}
