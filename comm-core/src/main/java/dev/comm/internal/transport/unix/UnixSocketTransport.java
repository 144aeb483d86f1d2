package dev.comm.internal.transport.unix;

import java.io.IOException;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.comm.CommException;
import dev.comm.address.CommAddress;
import dev.comm.internal.transport.stream.NettyEventLoops;
import dev.comm.internal.transport.stream.NettyStreamTransport;

/**
 * {@code unix:///path}: communica's stream format over a unix domain socket; also
 * {@code local://name}, communica's local name, whose address carries the socket path. A
 * socket file left behind by a process that died is removed before binding; a file that a
 * live process still listens on is not touched, and binding fails instead.
 */
public class UnixSocketTransport extends NettyStreamTransport {

	/**
	 * A unix socket transport with I/O threads of its own, released by {@link #close()}.
	 */
	public UnixSocketTransport() {
		super(new NettyEventLoops(0), true);
	}

	/**
	 * A unix socket transport on shared I/O threads, which its owner closes.
	 * @param loops the I/O threads
	 */
	public UnixSocketTransport(NettyEventLoops loops) {
		super(loops, false);
	}

	@Override
	public List<String> schemes() {
		return List.of("unix", "local");
	}

	@Override
	protected boolean isUnix() {
		return true;
	}

	@Override
	protected SocketAddress socketAddress(CommAddress address, boolean epoll) {
		return unixSocketAddress(Path.of(address.path()), epoll);
	}

	@Override
	protected CommAddress boundAddress(CommAddress requested, SocketAddress bound) {
		return requested;
	}

	@Override
	protected void beforeBind(CommAddress address) {
		Path path = Path.of(address.path());
		try {
			Files.createDirectories(path.toAbsolutePath().getParent());
			if (Files.exists(path)) {
				if (isListenedOn(path)) {
					throw new CommException("Cannot listen on " + address + ": another process is listening there");
				}
				Files.delete(path);
			}
		}
		catch (IOException ex) {
			throw new CommException("Cannot prepare " + address + " for listening: " + ex.getMessage(), ex);
		}
	}

	private static boolean isListenedOn(Path path) {
		try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
			probe.connect(UnixDomainSocketAddress.of(path));
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	@Override
	protected void afterUnbind(CommAddress address) {
		try {
			Files.deleteIfExists(Path.of(address.path()));
		}
		catch (IOException ex) {
			// a leftover file is removed by the next bind
		}
	}

}
