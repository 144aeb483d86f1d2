package dev.comm.transport.stream;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.comm.CommConnectionLostException;
import dev.comm.protocol.Frame;
import dev.comm.protocol.FrameCodec;
import dev.comm.transport.Connection;
import dev.comm.transport.FrameReceiver;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;

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

	private volatile FrameReceiver receiver;

	private volatile Throwable failure;

	NettyConnection(Channel channel, String remoteAddress) {
		this.channel = channel;
		this.remoteAddress = remoteAddress;
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
		CompletableFuture<Void> sent = new CompletableFuture<>();
		if (!this.channel.isActive()) {
			sent.completeExceptionally(
					new CommConnectionLostException("Connection to " + this.remoteAddress + " is closed"));
			return sent;
		}
		this.channel.writeAndFlush(Unpooled.wrappedBuffer(FrameCodec.encodeForStream(frame)))
			.addListener((ChannelFutureListener) future -> {
				if (future.isSuccess()) {
					sent.complete(null);
				}
				else {
					sent.completeExceptionally(new CommConnectionLostException(
							"Could not write to " + this.remoteAddress + ": " + future.cause().getMessage(),
							future.cause()));
				}
			});
		return sent;
	}

	@Override
	public void close() {
		this.channel.close();
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
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		this.receiver.frame((Frame) msg);
	}

	@Override
	public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
		this.failure = (cause instanceof DecoderException && cause.getCause() != null) ? cause.getCause() : cause;
		logger.warn("Closing connection to {}: {}", this.remoteAddress, this.failure.getMessage());
		ctx.close();
	}

	@Override
	public void channelInactive(ChannelHandlerContext ctx) {
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

}
