package dev.comm.transport;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import dev.comm.address.CommAddress;
import dev.comm.protocol.Features;
import dev.comm.protocol.Frame;
import dev.comm.protocol.Hello;
import dev.comm.protocol.MessageFrame;
import dev.comm.protocol.Metadata;
import dev.comm.testing.CommTestNode;

/**
 * A responder driven by hand below the link layer: a listener of the transport under test
 * that answers a caller's hello with one agreeing {@code stream} and {@code error-type},
 * and from then on sends only the frames the test writes, queueing the messages the
 * caller sends. It lets a test check how a comm caller treats a responder that breaks the
 * stream rules; the transport moves the frames, nothing above it takes part.
 */
final class RawResponder implements AutoCloseable {

	private static final Object CLOSED = new Object();

	private final BlockingQueue<Object> inbox = new LinkedBlockingQueue<>();

	private final AtomicReference<Connection> connection = new AtomicReference<>();

	private final AtomicInteger accepted = new AtomicInteger();

	private final Listener listener;

	private RawResponder(CommTestNode node, String uri) {
		CommAddress address = CommAddress.parse(uri);
		this.listener = node.transports()
			.forScheme(address.scheme())
			.listen(address, node.transportSettings(), this::accept);
	}

	/**
	 * Listen with one of {@code node}'s transports.
	 * @param node supplies the transport and its settings (TLS among them)
	 * @param uri where to listen
	 * @return the listening responder
	 */
	static RawResponder listen(CommTestNode node, String uri) {
		return new RawResponder(node, uri);
	}

	private void accept(Connection accepted) {
		this.accepted.incrementAndGet();
		if (!this.connection.compareAndSet(null, accepted)) {
			// one caller is all a test talks to
			accepted.close();
			return;
		}
		accepted.start(new FrameReceiver() {

			@Override
			public void frame(Frame frame) {
				if (frame instanceof Hello) {
					accepted.send(Hello.server(Set.of(Features.STREAM, Features.ERROR_TYPE)));
				}
				else {
					RawResponder.this.inbox.add(frame);
				}
			}

			@Override
			public void closed(Throwable cause) {
				RawResponder.this.inbox.add(CLOSED);
			}

		});
	}

	/**
	 * Where callers connect.
	 * @return the bound address
	 */
	CommAddress address() {
		return this.listener.address();
	}

	/**
	 * How many connections reached the listener so far.
	 * @return the count
	 */
	int connections() {
		return this.accepted.get();
	}

	/**
	 * The next message from the caller.
	 * @param timeout how long to wait
	 * @return the message
	 * @throws InterruptedException if interrupted
	 * @throws AssertionError if nothing arrives in time, the caller closed the connection
	 * or sent something other than a message
	 */
	MessageFrame receive(Duration timeout) throws InterruptedException {
		Object next = this.inbox.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
		if (next == null) {
			throw new AssertionError("Nothing arrived within " + timeout.toMillis() + " ms");
		}
		if (next == CLOSED) {
			this.inbox.add(CLOSED);
			throw new AssertionError("The caller closed the connection");
		}
		if (!(next instanceof MessageFrame message)) {
			throw new AssertionError("Expected a message from the caller but got " + next);
		}
		return message;
	}

	/**
	 * Send a message to the caller on the accepted connection.
	 * @param metadata the metadata
	 * @param payload the payload
	 */
	void send(Metadata metadata, byte[] payload) {
		Connection current = this.connection.get();
		if (current == null) {
			throw new AssertionError("No caller has connected");
		}
		current.send(new MessageFrame(metadata, payload)).join();
	}

	@Override
	public void close() {
		Connection current = this.connection.get();
		if (current != null) {
			current.close();
		}
		this.listener.close();
	}

}
