package dev.comm.internal.transport.stream;

import java.net.SocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ServerChannel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.GlobalEventExecutor;

import dev.comm.CommConnectionLostException;
import dev.comm.CommException;
import dev.comm.address.CommAddress;
import dev.comm.transport.Connection;
import dev.comm.transport.Listener;
import dev.comm.transport.TlsSettings;
import dev.comm.transport.Transport;
import dev.comm.transport.TransportSettings;

/**
 * What TCP and unix sockets share: a Netty pipeline of {@link StreamFrameDecoder} and
 * {@link NettyConnection} speaking communica's stream format, behind a {@link TlsLayer}
 * for {@code tls://} addresses. Subclasses only say how an address becomes a socket
 * address and which channel classes to use.
 */
public abstract class NettyStreamTransport implements Transport {

	private final NettyEventLoops loops;

	private final boolean ownsLoops;

	private final ChannelGroup channels = new DefaultChannelGroup("comm", GlobalEventExecutor.INSTANCE);

	protected NettyStreamTransport(NettyEventLoops loops, boolean ownsLoops) {
		this.loops = loops;
		this.ownsLoops = ownsLoops;
	}

	/**
	 * Whether this transport uses unix domain sockets rather than TCP.
	 * @return whether the channels are domain sockets
	 */
	protected abstract boolean isUnix();

	/**
	 * The socket address to connect to or bind.
	 * @param address the comm address
	 * @param epoll whether the epoll transport is in use
	 * @return the socket address
	 */
	protected abstract SocketAddress socketAddress(CommAddress address, boolean epoll);

	/**
	 * The address a listener ended up bound to.
	 * @param requested the requested address
	 * @param bound the server channel's local address
	 * @return the bound address
	 */
	protected abstract CommAddress boundAddress(CommAddress requested, SocketAddress bound);

	/**
	 * Prepare to bind, for example by clearing a stale socket file.
	 * @param address the address about to be bound
	 */
	protected void beforeBind(CommAddress address) {
	}

	/**
	 * Clean up after a listener closed.
	 * @param address the address that was bound
	 */
	protected void afterUnbind(CommAddress address) {
	}

	@Override
	public CompletableFuture<Connection> connect(CommAddress address, TransportSettings settings) {
		CompletableFuture<Connection> result = new CompletableFuture<>();
		String remote = address.toString();
		Bootstrap bootstrap = new Bootstrap().group(this.loops.group())
			.channel(socketChannelClass())
			.option(ChannelOption.AUTO_READ, false)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) settings.connectTimeout().toMillis())
			.handler(clientPipeline(address, settings, remote));
		if (!isUnix()) {
			bootstrap.option(ChannelOption.TCP_NODELAY, true);
		}
		ChannelFuture connecting;
		try {
			connecting = bootstrap.connect(socketAddress(address, this.loops.isEpoll()));
		}
		catch (RuntimeException ex) {
			result
				.completeExceptionally(new CommConnectionLostException("Cannot connect to " + remote + ": " + ex, ex));
			return result;
		}
		connecting.addListener((ChannelFuture future) -> {
			if (future.isSuccess()) {
				this.channels.add(future.channel());
				whenSecured(future.channel(), remote, result);
			}
			else {
				result.completeExceptionally(new CommConnectionLostException(
						"Cannot connect to " + remote + ": " + future.cause().getMessage(), future.cause()));
			}
		});
		return result;
	}

	/**
	 * Hand out the connection once its TLS handshake, if it has one, succeeded, so that
	 * an untrusted certificate fails the connect with its reason rather than surfacing as
	 * a connection that opened and then closed.
	 */
	private static void whenSecured(Channel channel, String remote, CompletableFuture<Connection> result) {
		NettyConnection connection = channel.pipeline().get(NettyConnection.class);
		SslHandler tls = channel.pipeline().get(SslHandler.class);
		if (tls == null) {
			result.complete(connection);
			return;
		}
		tls.handshakeFuture().addListener((handshake) -> {
			if (handshake.isSuccess()) {
				result.complete(connection);
			}
			else {
				channel.close();
				Throwable cause = handshake.cause();
				result.completeExceptionally(new CommConnectionLostException(
						"Cannot connect to " + remote + ": the TLS handshake failed: " + cause.getMessage(), cause));
			}
		});
	}

	@Override
	public Listener listen(CommAddress address, TransportSettings settings, Consumer<Connection> acceptor) {
		TlsSettings tls = TlsLayer.appliesTo(address) ? TlsLayer.serverSettings(address, settings) : null;
		beforeBind(address);
		ServerBootstrap bootstrap = new ServerBootstrap().group(this.loops.group())
			.channel(serverChannelClass())
			.childOption(ChannelOption.AUTO_READ, false)
			.childHandler(new ChannelInitializer<>() {
				@Override
				protected void initChannel(Channel channel) {
					String remote = isUnix() ? address + " (accepted)" : String.valueOf(channel.remoteAddress());
					if (tls != null) {
						channel.pipeline().addLast(TlsLayer.server(tls, settings.connectTimeout()));
					}
					channel.pipeline().addLast(new StreamFrameDecoder(settings.maxFrameSize()));
					NettyConnection connection = new NettyConnection(channel, remote, settings);
					channel.pipeline().addLast(connection);
					NettyStreamTransport.this.channels.add(channel);
					acceptor.accept(connection);
				}
			});
		if (!isUnix()) {
			bootstrap.childOption(ChannelOption.TCP_NODELAY, true);
		}
		ChannelFuture bound = bootstrap.bind(socketAddress(address, this.loops.isEpoll())).awaitUninterruptibly();
		if (!bound.isSuccess()) {
			throw new CommException("Cannot listen on " + address + ": " + bound.cause().getMessage(), bound.cause());
		}
		Channel server = bound.channel();
		CommAddress actual = boundAddress(address, server.localAddress());
		return new Listener() {
			@Override
			public CommAddress address() {
				return actual;
			}

			@Override
			public void close() {
				server.close().awaitUninterruptibly();
				afterUnbind(actual);
			}
		};
	}

	private ChannelInitializer<Channel> clientPipeline(CommAddress address, TransportSettings settings, String remote) {
		return new ChannelInitializer<>() {
			@Override
			protected void initChannel(Channel channel) {
				if (TlsLayer.appliesTo(address)) {
					channel.pipeline().addLast(TlsLayer.client(address, settings));
				}
				channel.pipeline().addLast(new StreamFrameDecoder(settings.maxFrameSize()));
				channel.pipeline().addLast(new NettyConnection(channel, remote, settings));
			}
		};
	}

	private Class<? extends Channel> socketChannelClass() {
		return this.loops.isEpoll() ? EpollSupport.socketChannel(isUnix()) : NioChannels.socketChannel(isUnix());
	}

	private Class<? extends ServerChannel> serverChannelClass() {
		return this.loops.isEpoll() ? EpollSupport.serverChannel(isUnix()) : NioChannels.serverChannel(isUnix());
	}

	/**
	 * Build a socket address for a unix path, in the form the active channel classes
	 * expect.
	 * @param path the socket path
	 * @param epoll whether the epoll transport is in use
	 * @return the socket address
	 */
	protected static SocketAddress unixSocketAddress(java.nio.file.Path path, boolean epoll) {
		return epoll ? EpollSupport.domainSocketAddress(path) : java.net.UnixDomainSocketAddress.of(path);
	}

	@Override
	public void close() {
		this.channels.close().awaitUninterruptibly();
		if (this.ownsLoops) {
			this.loops.close();
		}
	}

}
