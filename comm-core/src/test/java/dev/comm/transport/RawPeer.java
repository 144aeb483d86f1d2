package dev.comm.transport;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import dev.comm.protocol.Frame;
import dev.comm.protocol.Hello;
import dev.comm.protocol.MessageFrame;
import dev.comm.protocol.Metadata;

/**
 * A hand-driven peer below the link layer: it sends whatever frames (or garbage) a test
 * asks for, and queues what the other side sends back, so that a test can check how a
 * comm listener treats a misbehaving peer. Each transport supplies its own way of moving
 * the frames and of expressing {@link Garbage}.
 */
abstract class RawPeer implements AutoCloseable {

	private static final Object CLOSED = new Object();

	private final BlockingQueue<Object> inbox = new LinkedBlockingQueue<>();

	/**
	 * Send a well-formed frame.
	 * @param frame the frame
	 * @throws Exception if the frame could not be written
	 */
	abstract void send(Frame frame) throws Exception;

	/**
	 * Send something no correct peer sends.
	 * @param garbage what to send
	 * @param maxFrameSize the listener's frame limit, for the oversize kind
	 * @throws Exception if it could not be written
	 */
	abstract void sendGarbage(Garbage garbage, int maxFrameSize) throws Exception;

	/**
	 * Called by the transport side when a frame arrived.
	 * @param frame the frame
	 */
	protected final void received(Object frame) {
		this.inbox.add(frame);
	}

	/**
	 * Called by the transport side when the other side closed the connection.
	 */
	protected final void closedByPeer() {
		this.inbox.add(CLOSED);
	}

	/**
	 * Say hello as a plain communica client would, and read the listener's hello.
	 * @param clientId the client id to announce
	 * @param timeout how long to wait for the listener's hello
	 * @return the listener's hello
	 * @throws Exception if sending fails or no hello arrives
	 */
	Hello handshake(String clientId, Duration timeout) throws Exception {
		send(new Hello(Map.of("client_id", clientId)));
		Frame hello = receive(timeout);
		if (!(hello instanceof Hello serverHello)) {
			throw new AssertionError("Expected the listener's hello but got " + hello);
		}
		return serverHello;
	}

	/**
	 * Send one message and wait for the message that answers it.
	 * @param metadata the metadata to send
	 * @param payload the payload to send
	 * @param timeout how long to wait for the answer
	 * @return the answer
	 * @throws Exception if sending fails or no message arrives
	 */
	MessageFrame exchange(Metadata metadata, byte[] payload, Duration timeout) throws Exception {
		send(new MessageFrame(metadata, payload));
		Frame answer = receive(timeout);
		if (!(answer instanceof MessageFrame message)) {
			throw new AssertionError("Expected a message in answer to " + metadata + " but got " + answer);
		}
		return message;
	}

	/**
	 * The next frame from the other side.
	 * @param timeout how long to wait
	 * @return the frame
	 * @throws InterruptedException if interrupted
	 * @throws AssertionError if nothing arrives in time or the connection closed
	 */
	Frame receive(Duration timeout) throws InterruptedException {
		Object next = this.inbox.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
		if (next == null) {
			throw new AssertionError("Nothing arrived within " + timeout.toMillis() + " ms");
		}
		if (next == CLOSED) {
			this.inbox.add(CLOSED);
			throw new AssertionError("The other side closed the connection");
		}
		if (next instanceof Throwable failure) {
			throw new AssertionError("Could not read what the other side sent", failure);
		}
		return (Frame) next;
	}

	/**
	 * Wait for the other side to close the connection, skipping any frames before that.
	 * @param timeout how long to wait
	 * @return whether it closed in time
	 * @throws InterruptedException if interrupted
	 */
	boolean awaitClosed(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			Object next = this.inbox.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
			if (next == null) {
				return false;
			}
			if (next == CLOSED) {
				this.inbox.add(CLOSED);
				return true;
			}
		}
	}

	@Override
	public abstract void close();

	/**
	 * Kinds of input a listener must survive by closing the connection that carried them.
	 * Stream transports send bytes; in process there are no bytes, so each kind maps to
	 * the nearest thing a frame object can break.
	 */
	enum Garbage {

		/**
		 * Stream: a length-prefixed body of random bytes. In process: a second hello in
		 * the middle of an open link.
		 */
		NOISE,

		/**
		 * Stream: a frame with a code communica does not define. In process: a refusal on
		 * a link that is already open, a frame kind the link never accepts then.
		 */
		UNKNOWN_FRAME,

		/**
		 * Stream: a message whose metadata is not JSON. In process: a message without
		 * metadata.
		 */
		MALFORMED_METADATA,

		/**
		 * A message whose metadata has no id.
		 */
		MISSING_ID,

		/**
		 * Stream: a length prefix one over the frame limit. In process: a payload one
		 * over it.
		 */
		OVERSIZE_FRAME

	}

}
