package dev.comm.internal.transport.tcp;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;

import dev.comm.address.CommAddress;
import dev.comm.internal.transport.stream.NettyEventLoops;
import dev.comm.internal.transport.stream.NettyStreamTransport;

/**
 * {@code tcp://host:port}: communica's stream format over TCP, with Nagle off; and
 * {@code tls://host:port}: the same inside TLS.
 */
public class TcpTransport extends NettyStreamTransport {

	/**
	 * A TCP transport with I/O threads of its own, released by {@link #close()}.
	 */
	public TcpTransport() {
		super(new NettyEventLoops(0), true);
	}

	/**
	 * A TCP transport on shared I/O threads, which its owner closes.
	 * @param loops the I/O threads
	 */
	public TcpTransport(NettyEventLoops loops) {
		super(loops, false);
	}

	@Override
	public List<String> schemes() {
		return List.of("tcp", "tls");
	}

	@Override
	protected boolean isUnix() {
		return false;
	}

	@Override
	protected SocketAddress socketAddress(CommAddress address, boolean epoll) {
		return new InetSocketAddress(address.host(), address.port());
	}

	@Override
	protected CommAddress boundAddress(CommAddress requested, SocketAddress bound) {
		return new CommAddress(requested.scheme(), requested.host(), ((InetSocketAddress) bound).getPort(), null);
	}

}
