package dev.comm.benchmarks;

import java.util.EnumSet;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

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
 * The ceiling: a hand-written Netty client and server exchanging u32-length-prefixed JSON
 * over TCP, converting the record on both sides like every other case, with no protocol
 * besides the length. Replies come back in order, so the client matches them to requests
 * with a queue.
 */
final class NettyEchoSubject implements Subject {

	private static final int MAX_FRAME = 1024 * 1024;

	private final EventLoopGroup group;

	private final Channel server;

	private final Channel client;

	private final Queue<CompletableFuture<Quote>> waiting = new ConcurrentLinkedQueue<>();

	NettyEchoSubject() throws InterruptedException {
		boolean epoll = Epoll.isAvailable();
		IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
		this.group = new MultiThreadIoEventLoopGroup(2, io);
		Class<? extends ServerChannel> serverClass = epoll ? EpollServerSocketChannel.class
				: NioServerSocketChannel.class;
		Class<? extends Channel> clientClass = epoll ? EpollSocketChannel.class : NioSocketChannel.class;
		this.server = new ServerBootstrap().group(this.group)
			.channel(serverClass)
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
		this.client = new Bootstrap().group(this.group)
			.channel(clientClass)
			.option(ChannelOption.TCP_NODELAY, true)
			.handler(new ChannelInitializer<>() {
				@Override
				protected void initChannel(Channel channel) {
					channel.pipeline()
						.addLast(new LengthFieldBasedFrameDecoder(MAX_FRAME, 0, 4, 0, 4), new LengthFieldPrepender(4),
								new ReplyHandler());
				}
			})
			.connect(this.server.localAddress())
			.sync()
			.channel();
	}

	@Override
	public String name() {
		return "raw Netty echo";
	}

	@Override
	public Family family() {
		return Family.NETTY;
	}

	@Override
	public Set<Shape> shapes() {
		return EnumSet.of(Shape.LATENCY, Shape.THROUGHPUT);
	}

	@Override
	public CompletableFuture<Quote> request(Quote quote) {
		CompletableFuture<Quote> reply = new CompletableFuture<>();
		ByteBuf bytes = Unpooled.wrappedBuffer(Quote.toJson(quote));
		// the queue's order must be the write order
		synchronized (this.waiting) {
			this.waiting.add(reply);
			if (this.client.eventLoop().inEventLoop()) {
				// sent from a reply: the reply handler flushes once per read, as a
				// hand-tuned Netty client would
				this.client.write(bytes);
			}
			else {
				this.client.writeAndFlush(bytes);
			}
		}
		return reply;
	}

	@Override
	public void close() {
		this.client.close().syncUninterruptibly();
		this.server.close().syncUninterruptibly();
		this.group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
	}

	private static final class EchoHandler extends SimpleChannelInboundHandler<ByteBuf> {

		@Override
		protected void channelRead0(ChannelHandlerContext ctx, ByteBuf frame) {
			Quote quote = Quote.fromJson(ByteBufUtil.getBytes(frame));
			ctx.write(Unpooled.wrappedBuffer(Quote.toJson(quote.next())));
		}

		@Override
		public void channelReadComplete(ChannelHandlerContext ctx) {
			ctx.flush();
		}

	}

	private final class ReplyHandler extends SimpleChannelInboundHandler<ByteBuf> {

		@Override
		protected void channelRead0(ChannelHandlerContext ctx, ByteBuf frame) {
			Quote quote = Quote.fromJson(ByteBufUtil.getBytes(frame));
			NettyEchoSubject.this.waiting.poll().complete(quote);
		}

		@Override
		public void channelReadComplete(ChannelHandlerContext ctx) {
			ctx.flush();
		}

	}

}
