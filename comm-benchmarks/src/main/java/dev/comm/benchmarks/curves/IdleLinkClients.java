package dev.comm.benchmarks.curves;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.ReferenceCountUtil;
import io.rsocket.RSocket;
import io.rsocket.core.RSocketConnector;
import io.rsocket.transport.netty.client.TcpClientTransport;
import reactor.core.publisher.Flux;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.tcp.TcpClient;

/**
 * The clients of the idle-links curve, in a JVM of their own so that the listener's
 * memory is its own: opens links to 127.0.0.1 and holds them until its standard input
 * closes. Prints {@code start} before the first connect and {@code connected} once every
 * link is up: for comm once the listener's hello has arrived (a handshaken link that
 * announces no extensions, so no heartbeats), for rsocket-java once its setup is done,
 * for the raw Netty echo once the connection is open.
 */
public final class IdleLinkClients {

	private static final int CONCURRENT_CONNECTS = 200;

	private IdleLinkClients() {
	}

	/**
	 * Open the links.
	 * @param args the kind ({@code comm}, {@code rsocket} or {@code netty}), the port,
	 * and the number of links
	 * @throws Exception if a link cannot be opened
	 */
	public static void main(String[] args) throws Exception {
		String kind = args[0];
		int port = Integer.parseInt(args[1]);
		int links = Integer.parseInt(args[2]);
		System.out.println("start");
		System.out.flush();
		AutoCloseable held = switch (kind) {
			case "rsocket" -> rsocket(port, links);
			case "comm", "netty" -> netty(port, links, kind.equals("comm"));
			default -> throw new IllegalArgumentException("Unknown kind " + kind);
		};
		System.out.println("connected");
		System.out.flush();
		try {
			while (System.in.read() != -1) {
				// hold the links until the parent closes our input
			}
		}
		catch (IOException ex) {
			// the parent is gone
		}
		held.close();
		System.exit(0);
	}

	private static AutoCloseable rsocket(int port, int links) {
		// a connection of its own for each link: the default provider is a pool of 500
		TcpClient tcp = TcpClient.create(ConnectionProvider.newConnection()).host("127.0.0.1").port(port);
		List<RSocket> sockets = Flux.range(0, links)
			.flatMap((i) -> RSocketConnector.create().connect(TcpClientTransport.create(tcp)), CONCURRENT_CONNECTS)
			.collectList()
			.block();
		return () -> sockets.forEach(RSocket::dispose);
	}

	private static AutoCloseable netty(int port, int links, boolean hello) throws InterruptedException {
		EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NettyEcho.ioHandlerFactory());
		Bootstrap bootstrap = new Bootstrap().group(group).channel(NettyEcho.channelClass());
		List<ChannelFuture> open = new ArrayList<>();
		for (int start = 0; start < links; start += CONCURRENT_CONNECTS) {
			List<CompletableFuture<Void>> batch = new ArrayList<>();
			for (int i = start; i < Math.min(links, start + CONCURRENT_CONNECTS); i++) {
				CompletableFuture<Void> ready = new CompletableFuture<>();
				String clientId = "idle-" + i;
				ChannelFuture connect = bootstrap.clone().handler(new ChannelInitializer<SocketChannel>() {
					@Override
					protected void initChannel(SocketChannel channel) {
						channel.pipeline().addLast(new Handshake(clientId, hello, ready));
					}
				}).connect("127.0.0.1", port);
				connect.addListener((done) -> {
					if (!done.isSuccess()) {
						ready.completeExceptionally(done.cause());
					}
				});
				open.add(connect);
				batch.add(ready);
			}
			CompletableFuture.allOf(batch.toArray(CompletableFuture[]::new)).join();
		}
		return () -> {
			open.forEach((connect) -> connect.channel().close());
			group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
		};
	}

	/**
	 * comm's handshake seen from a client (the protocol's hello, section 5): write the
	 * hello, then wait for the listener's, which ends with a zero byte. Without a hello,
	 * only the connection.
	 */
	private static final class Handshake extends ChannelInboundHandlerAdapter {

		private final String clientId;

		private final boolean hello;

		private final CompletableFuture<Void> ready;

		Handshake(String clientId, boolean hello, CompletableFuture<Void> ready) {
			this.clientId = clientId;
			this.hello = hello;
			this.ready = ready;
		}

		@Override
		public void channelActive(ChannelHandlerContext ctx) {
			if (this.hello) {
				String json = "{\"client_id\":\"" + this.clientId + "\",\"comm\":{\"version\":1,\"features\":[]}}";
				ByteBuf bytes = Unpooled.buffer();
				bytes.writeBytes(json.getBytes(StandardCharsets.UTF_8)).writeByte(0);
				ctx.writeAndFlush(bytes);
			}
			else {
				this.ready.complete(null);
			}
		}

		@Override
		public void channelRead(ChannelHandlerContext ctx, Object message) {
			try {
				if (message instanceof ByteBuf bytes
						&& bytes.indexOf(bytes.readerIndex(), bytes.writerIndex(), (byte) 0) >= 0) {
					this.ready.complete(null);
				}
			}
			finally {
				ReferenceCountUtil.release(message);
			}
		}

		@Override
		public void channelInactive(ChannelHandlerContext ctx) {
			this.ready.completeExceptionally(new IOException("The listener closed link " + this.clientId));
		}

	}

}
