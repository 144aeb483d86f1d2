package dev.comm.internal.transport.stream;

import java.net.SocketAddress;
import java.nio.file.Path;
import java.util.concurrent.ThreadFactory;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDomainSocketChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerDomainSocketChannel;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.unix.DomainSocketAddress;

/**
 * Everything that touches Netty's optional epoll classes, kept in one class so that
 * nothing else loads them when they are absent.
 */
final class EpollSupport {

	private static final boolean PRESENT = isPresent();

	private EpollSupport() {
	}

	private static boolean isPresent() {
		try {
			Class.forName("io.netty.channel.epoll.Epoll", false, EpollSupport.class.getClassLoader());
			return true;
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return false;
		}
	}

	static boolean isAvailable() {
		return PRESENT && !Boolean.getBoolean("comm.netty.no-epoll") && Epoll.isAvailable();
	}

	static EventLoopGroup newGroup(int threads, ThreadFactory threadFactory) {
		return new MultiThreadIoEventLoopGroup(threads, threadFactory, EpollIoHandler.newFactory());
	}

	static Class<? extends Channel> socketChannel(boolean unix) {
		return unix ? EpollDomainSocketChannel.class : EpollSocketChannel.class;
	}

	static Class<? extends ServerChannel> serverChannel(boolean unix) {
		return unix ? EpollServerDomainSocketChannel.class : EpollServerSocketChannel.class;
	}

	static SocketAddress domainSocketAddress(Path path) {
		return new DomainSocketAddress(path.toString());
	}

}
