package dev.comm.benchmarks.curves;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.LengthFieldPrepender;

/**
 * The raw Netty echo of the cases for many connections and large payloads: a
 * u32-length-prefixed JSON exchange with no protocol besides the length, the record
 * converted on both sides. Each connection matches its in-order replies with its own
 * queue.
 */
final class NettyEcho implements EchoStack {

	private static final int MAX_FRAME = 4 * 1024 * 1024;

	private final EventLoopGroup group;

	private final Channel server;

	private final List<Connection> clients = new ArrayList<>();

	NettyEcho(int connections) throws InterruptedException {
		this.group = new MultiThreadIoEventLoopGroup(2, ioHandlerFactory());
		this.server = new ServerBootstrap().group(this.group)
			.channel(serverChannelClass())
			.childOption(ChannelOption.TCP_NODELAY, true)
			.childHandler(new ChannelInitializer<>() {
				@Override
				protected void initChannel(Channel channel) {
					channel.pipeline()
						.addLast(new LengthFieldBasedFrameDecoder(MAX_FRAME, 0, 4, 0, 4), new LengthFieldPrepender(4),
								new EchoHandler());
				}
			})
			.bind("127.0.0.1", 0)
			.sync()
			.channel();
		for (int i = 0; i < connections; i++) {
			Connection connection = new Connection();
			connection.channel = new Bootstrap().group(this.group)
				.channel(channelClass())
				.option(ChannelOption.TCP_NODELAY, true)
				.handler(new ChannelInitializer<>() {
					@Override
					protected void initChannel(Channel channel) {
						channel.pipeline()
							.addLast(new LengthFieldBasedFrameDecoder(MAX_FRAME, 0, 4, 0, 4),
									new LengthFieldPrepender(4), new ReplyHandler(connection.waiting));
					}
				})
				.connect(this.server.localAddress())
				.sync()
				.channel();
			this.clients.add(connection);
		}
	}

	static IoHandlerFactory ioHandlerFactory() {
		return Epoll.isAvailable() ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
	}

	static Class<? extends ServerChannel> serverChannelClass() {
		return Epoll.isAvailable() ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
	}

	static Class<? extends Channel> channelClass() {
		return Epoll.isAvailable() ? EpollSocketChannel.class : NioSocketChannel.class;
	}

	@Override
	public String name() {
		return "raw Netty echo";
	}

	@Override
	public List<Function<Blob, CompletableFuture<Blob>>> connections() {
		return this.clients.stream().<Function<Blob, CompletableFuture<Blob>>>map((client) -> client::request).toList();
	}

	@Override
	public void close() {
		this.clients.forEach((client) -> client.channel.close().syncUninterruptibly());
		this.server.close().syncUninterruptibly();
		this.group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
	}

	private static final class Connection {

		private final Queue<CompletableFuture<Blob>> waiting = new ConcurrentLinkedQueue<>();

		private Channel channel;

		CompletableFuture<Blob> request(Blob blob) {
			CompletableFuture<Blob> reply = new CompletableFuture<>();
			ByteBuf bytes = Unpooled.wrappedBuffer(Blob.toJson(blob));
			// the queue's order must be the write order
			synchronized (this.waiting) {
				this.waiting.add(reply);
				if (this.channel.eventLoop().inEventLoop()) {
					// sent from a reply: the reply handler flushes once per read
					this.channel.write(bytes);
				}
				else {
					this.channel.writeAndFlush(bytes);
				}
			}
			return reply;
		}

	}

	private static final class EchoHandler extends SimpleChannelInboundHandler<ByteBuf> {

		@Override
		protected void channelRead0(ChannelHandlerContext ctx, ByteBuf frame) {
			Blob blob = Blob.fromJson(ByteBufUtil.getBytes(frame));
			ctx.write(Unpooled.wrappedBuffer(Blob.toJson(blob.next())));
		}

		@Override
		public void channelReadComplete(ChannelHandlerContext ctx) {
			ctx.flush();
		}

	}

	private static final class ReplyHandler extends SimpleChannelInboundHandler<ByteBuf> {

		private final Queue<CompletableFuture<Blob>> waiting;

		ReplyHandler(Queue<CompletableFuture<Blob>> waiting) {
			this.waiting = waiting;
		}

		@Override
		protected void channelRead0(ChannelHandlerContext ctx, ByteBuf frame) {
			this.waiting.poll().complete(Blob.fromJson(ByteBufUtil.getBytes(frame)));
		}

		@Override
		public void channelReadComplete(ChannelHandlerContext ctx) {
			ctx.flush();
		}

	}

}
