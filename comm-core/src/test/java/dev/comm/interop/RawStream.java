package dev.comm.interop;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * A plain socket (TCP or unix) for checking bytes on the wire without any comm code in
 * between. Reads wait on a selector with a deadline, so a peer that stays silent fails
 * the test instead of blocking it.
 */
final class RawStream implements AutoCloseable {

	private final SocketChannel channel;

	private final Selector selector;

	private ByteBuffer inbox = ByteBuffer.allocate(64 * 1024);

	private boolean eof;

	private RawStream(SocketChannel channel) throws IOException {
		this.channel = channel;
		this.channel.configureBlocking(false);
		this.selector = Selector.open();
		this.channel.register(this.selector, SelectionKey.OP_READ);
	}

	static RawStream connect(SocketAddress address) throws IOException {
		// local connects complete at once or fail at once
		return new RawStream(SocketChannel.open(address));
	}

	static RawStream accept(ServerSocketChannel server, Duration timeout) throws IOException {
		server.configureBlocking(false);
		try (Selector accepting = Selector.open()) {
			server.register(accepting, SelectionKey.OP_ACCEPT);
			long deadline = System.nanoTime() + timeout.toNanos();
			while (System.nanoTime() < deadline) {
				accepting.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
				SocketChannel accepted = server.accept();
				if (accepted != null) {
					return new RawStream(accepted);
				}
			}
		}
		throw new AssertionError("Nobody connected within " + timeout.toMillis() + " ms");
	}

	void write(byte[] bytes) throws IOException {
		ByteBuffer buffer = ByteBuffer.wrap(bytes);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		while (buffer.hasRemaining()) {
			if (this.channel.write(buffer) == 0 && System.nanoTime() > deadline) {
				throw new AssertionError("The peer stopped reading");
			}
		}
	}

	/**
	 * Read up to (not including) the first {@code terminator}, which is consumed.
	 * @param terminator the byte that ends what to read
	 * @param timeout how long to wait for it
	 * @return the bytes before the terminator
	 */
	byte[] readUntil(byte terminator, Duration timeout) throws IOException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			for (int i = 0; i < this.inbox.position(); i++) {
				if (this.inbox.get(i) == terminator) {
					byte[] bytes = take(i + 1);
					return Arrays.copyOf(bytes, i);
				}
			}
			if (!fill(deadline)) {
				throw new AssertionError("No byte " + terminator + " within " + timeout.toMillis() + " ms (eof="
						+ this.eof + ", buffered=" + Arrays.toString(peek()) + ")");
			}
		}
	}

	byte[] readExactly(int count, Duration timeout) throws IOException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (this.inbox.position() < count) {
			if (!fill(deadline)) {
				throw new AssertionError("Only " + this.inbox.position() + " of " + count + " bytes within "
						+ timeout.toMillis() + " ms (eof=" + this.eof + ")");
			}
		}
		return take(count);
	}

	/**
	 * Read one length-prefixed frame body.
	 * @param timeout how long to wait for the whole frame
	 * @return the body, starting with its frame code
	 */
	byte[] readFrameBody(Duration timeout) throws IOException {
		byte[] prefix = readExactly(4, timeout);
		int length = ByteBuffer.wrap(prefix).getInt();
		return readExactly(length, timeout);
	}

	/**
	 * Collect whatever arrives within a window, stopping early at end of stream.
	 * @param window how long to listen
	 * @return the bytes that arrived
	 */
	byte[] readFor(Duration window) throws IOException {
		long deadline = System.nanoTime() + window.toNanos();
		while (fill(deadline)) {
			// keep collecting until the window closes or the peer closes
		}
		return take(this.inbox.position());
	}

	/**
	 * Wait for the peer to close; bytes that arrive first stay buffered.
	 * @param timeout how long to wait
	 * @return whether the stream ended in time
	 */
	boolean awaitEof(Duration timeout) throws IOException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (fill(deadline)) {
			// only an end of stream ends this loop early
		}
		return this.eof;
	}

	boolean isEof() {
		return this.eof;
	}

	private boolean fill(long deadline) throws IOException {
		if (this.eof) {
			return false;
		}
		long remaining = deadline - System.nanoTime();
		if (remaining <= 0) {
			return false;
		}
		this.selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(remaining)));
		this.selector.selectedKeys().clear();
		if (!this.inbox.hasRemaining()) {
			this.inbox = ByteBuffer.allocate(this.inbox.capacity() * 2).put(this.inbox.flip());
		}
		if (this.channel.read(this.inbox) < 0) {
			this.eof = true;
			return false;
		}
		return true;
	}

	private byte[] peek() {
		return Arrays.copyOf(this.inbox.array(), this.inbox.position());
	}

	private byte[] take(int count) {
		byte[] bytes = new byte[count];
		this.inbox.flip();
		this.inbox.get(bytes);
		this.inbox.compact();
		return bytes;
	}

	@Override
	public void close() throws IOException {
		this.selector.close();
		this.channel.close();
	}

}
