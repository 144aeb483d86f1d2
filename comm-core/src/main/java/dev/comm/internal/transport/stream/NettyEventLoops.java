package dev.comm.internal.transport.stream;

import java.util.concurrent.TimeUnit;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * The I/O threads shared by the stream transports: epoll when Netty's native epoll
 * transport is on the classpath and loads, NIO otherwise (which serves unix domain
 * sockets too on JDK 16+).
 */
public final class NettyEventLoops implements AutoCloseable {

	private final boolean epoll;

	private final EventLoopGroup group;

	/**
	 * Create the I/O threads.
	 * @param threads how many I/O threads; 0 picks the number of processors
	 */
	public NettyEventLoops(int threads) {
		int count = (threads > 0) ? threads : Runtime.getRuntime().availableProcessors();
		this.epoll = EpollSupport.isAvailable();
		DefaultThreadFactory threadFactory = new DefaultThreadFactory("comm-io", true);
		this.group = this.epoll ? EpollSupport.newGroup(count, threadFactory)
				: new MultiThreadIoEventLoopGroup(count, threadFactory, NioIoHandler.newFactory());
	}

	public boolean isEpoll() {
		return this.epoll;
	}

	EventLoopGroup group() {
		return this.group;
	}

	@Override
	public void close() {
		this.group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
	}

}
