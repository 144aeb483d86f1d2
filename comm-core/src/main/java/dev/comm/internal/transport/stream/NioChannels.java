package dev.comm.internal.transport.stream;

import io.netty.channel.Channel;
import io.netty.channel.ServerChannel;
import io.netty.channel.socket.nio.NioDomainSocketChannel;
import io.netty.channel.socket.nio.NioServerDomainSocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;

/**
 * The NIO channel classes, used when epoll is not available.
 */
final class NioChannels {

	private NioChannels() {
	}

	static Class<? extends Channel> socketChannel(boolean unix) {
		return unix ? NioDomainSocketChannel.class : NioSocketChannel.class;
	}

	static Class<? extends ServerChannel> serverChannel(boolean unix) {
		return unix ? NioServerDomainSocketChannel.class : NioServerSocketChannel.class;
	}

}
