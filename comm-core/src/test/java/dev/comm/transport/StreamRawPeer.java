package dev.comm.transport;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import javax.net.ssl.SSLSocket;

import dev.comm.protocol.Frame;
import dev.comm.protocol.FrameCodec;

/**
 * A {@link RawPeer} on a plain socket (TCP or unix domain) or a TLS socket, writing
 * communica's stream bytes by hand. A reader thread turns what the listener sends into
 * frames with {@link FrameCodec}, so the test thread never blocks on a socket read
 * without a bound.
 */
final class StreamRawPeer extends RawPeer {

	/**
	 * Fixed so that a failure reproduces. Any body is garbage except one that starts with
	 * a ping or pong code, the only frames a listener answers instead of closing; this
	 * seed's does not.
	 */
	private static final long NOISE_SEED = 20240611L;

	/** Far above any frame a test listener sends; guards against reading garbage. */
	private static final int MAX_READ = 16 * 1024 * 1024;

	private final Pipe pipe;

	private final Thread reader;

	private volatile boolean closing;

	StreamRawPeer(SocketAddress address) throws IOException {
		this(Pipe.of(SocketChannel.open(address)));
	}

	/**
	 * A peer on a TLS socket, for {@code tls://} listeners.
	 * @param socket a connected socket; its handshake starts with the first write
	 */
	StreamRawPeer(SSLSocket socket) throws IOException {
		this(Pipe.of(socket));
	}

	private StreamRawPeer(Pipe pipe) {
		this.pipe = pipe;
		this.reader = new Thread(this::read, "raw-peer-reader");
		this.reader.setDaemon(true);
		this.reader.start();
	}

	@Override
	void send(Frame frame) throws IOException {
		write(FrameCodec.encodeForStream(frame));
	}

	@Override
	void sendGarbage(Garbage garbage, int maxFrameSize) throws IOException {
		switch (garbage) {
			case NOISE -> {
				byte[] body = new byte[256];
				new Random(NOISE_SEED).nextBytes(body);
				write(concat(lengthPrefix(body.length), body));
			}
			case UNKNOWN_FRAME -> write(concat(lengthPrefix(5), new byte[] { 0x7F, 1, 2, 3, 4 }));
			case MALFORMED_METADATA -> write(message("{\"id\": \"m-1\", \"type\": 1, \"route\": ", "\"x\""));
			case MISSING_ID -> write(message("{\"type\": 1, \"route\": \"length\"}", "\"x\""));
			// only the prefix: a listener that waited for the body would never close
			case OVERSIZE_FRAME -> write(concat(lengthPrefix(maxFrameSize + 1), new byte[] { FrameCodec.MESSAGE }));
		}
	}

	private static byte[] message(String metadata, String payload) {
		byte[] meta = metadata.getBytes(StandardCharsets.UTF_8);
		byte[] body = concat(new byte[] { FrameCodec.MESSAGE }, lengthPrefix(4 + meta.length), meta,
				payload.getBytes(StandardCharsets.UTF_8));
		return concat(lengthPrefix(body.length), body);
	}

	private static byte[] lengthPrefix(int length) {
		return ByteBuffer.allocate(4).putInt(length).array();
	}

	private static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			bytes.writeBytes(part);
		}
		return bytes.toByteArray();
	}

	private void write(byte[] bytes) throws IOException {
		this.pipe.write(ByteBuffer.wrap(bytes));
	}

	private void read() {
		try {
			received(readHandshake());
			while (true) {
				ByteBuffer prefix = readFully(FrameCodec.LENGTH_PREFIX);
				if (prefix.get(0) == FrameCodec.REFUSAL_START) {
					// a side that refuses a hello has written its own hello already, so
					// the refusal comes where a frame would; no frame is that long
					received(readRefusal(prefix));
					return;
				}
				int length = prefix.getInt();
				if (length < 0 || length > MAX_READ) {
					throw new IllegalStateException("The other side announced a frame of " + length + " bytes");
				}
				byte[] body = readFully(length).array();
				received(FrameCodec.decodeBody(body, 0, body.length));
			}
		}
		catch (IOException ex) {
			// end of stream or a reset (how a side with unread bytes closes): either way
			// the connection is gone, unless this side closed it
		}
		catch (RuntimeException ex) {
			// bytes the codec cannot read are the test's business
			received(ex);
		}
		finally {
			if (!this.closing) {
				closedByPeer();
			}
		}
	}

	private Frame readHandshake() throws IOException {
		ByteArrayOutputStream hello = new ByteArrayOutputStream();
		ByteBuffer one = ByteBuffer.allocate(1);
		boolean refusal = false;
		while (true) {
			one.clear();
			if (this.pipe.read(one) < 0) {
				if (refusal) {
					// a refusal has no terminator: it ends where the other side closes
					byte[] bytes = hello.toByteArray();
					return FrameCodec.decodeRefusal(bytes, 1, bytes.length - 1);
				}
				throw new EOFException();
			}
			byte next = one.get(0);
			refusal = refusal || (hello.size() == 0 && next == FrameCodec.REFUSAL_START);
			if (next == FrameCodec.HELLO_END && !refusal) {
				byte[] bytes = hello.toByteArray();
				return FrameCodec.decodeHello(bytes, 0, bytes.length);
			}
			hello.write(next);
		}
	}

	private Frame readRefusal(ByteBuffer start) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		bytes.write(start.array(), 1, start.limit() - 1);
		ByteBuffer chunk = ByteBuffer.allocate(256);
		while (this.pipe.read(chunk.clear()) >= 0) {
			bytes.write(chunk.array(), 0, chunk.position());
		}
		byte[] json = bytes.toByteArray();
		return FrameCodec.decodeRefusal(json, 0, json.length);
	}

	private ByteBuffer readFully(int length) throws IOException {
		ByteBuffer buffer = ByteBuffer.allocate(length);
		while (buffer.hasRemaining()) {
			if (this.pipe.read(buffer) < 0) {
				throw new EOFException();
			}
		}
		return buffer.flip();
	}

	@Override
	public void close() {
		this.closing = true;
		try {
			this.pipe.close();
			this.reader.join(5000);
		}
		catch (IOException ex) {
			// nothing left to release
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Blocking reads and writes that one thread may do while another does the other: a
	 * socket channel's own, or a TLS socket's streams.
	 */
	private interface Pipe extends Closeable {

		/** Read what is there into the buffer; -1 at the end of the stream. */
		int read(ByteBuffer into) throws IOException;

		/** Write all of the buffer. */
		void write(ByteBuffer from) throws IOException;

		static Pipe of(SocketChannel channel) {
			return new Pipe() {
				@Override
				public int read(ByteBuffer into) throws IOException {
					return channel.read(into);
				}

				@Override
				public void write(ByteBuffer from) throws IOException {
					while (from.hasRemaining()) {
						channel.write(from);
					}
				}

				@Override
				public void close() throws IOException {
					channel.close();
				}
			};
		}

		static Pipe of(SSLSocket socket) throws IOException {
			InputStream in = socket.getInputStream();
			OutputStream out = socket.getOutputStream();
			return new Pipe() {
				@Override
				public int read(ByteBuffer into) throws IOException {
					int count = in.read(into.array(), into.arrayOffset() + into.position(), into.remaining());
					if (count > 0) {
						into.position(into.position() + count);
					}
					return count;
				}

				@Override
				public void write(ByteBuffer from) throws IOException {
					out.write(from.array(), from.arrayOffset() + from.position(), from.remaining());
					out.flush();
					from.position(from.limit());
				}

				@Override
				public void close() throws IOException {
					socket.close();
				}
			};
		}

	}

}
