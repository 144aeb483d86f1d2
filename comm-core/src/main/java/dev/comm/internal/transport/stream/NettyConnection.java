package dev.comm.internal.transport.stream;

import java.security.Principal;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
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
import dev.comm.transport.Connection;
import dev.comm.transport.FrameReceiver;

/**
 * A {@link Connection} over a Netty stream channel (TCP or unix socket): the last handler
 * of the pipeline, after {@link StreamFrameDecoder}. Reading stays off until
 * {@link #start} so that no frame arrives before someone can receive it.
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

	NettyConnection(Channel channel, String remoteAddress, int maxFrameSize) {
		this.channel = channel;
		this.maxFrameSize = maxFrameSize;
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
		if (!this.channel.isActive()) {
			return CompletableFuture
				.failedFuture(new CommConnectionLostException("Connection to " + this.remoteAddress + " is closed"));
		}
		// encoded on the sender's thread, so that encoding runs in parallel with I/O
		return this.writes.add(FrameCodec.encodeForStream(frame));
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
		this.receiver.frame((Frame) msg);
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
