package dev.comm.transport;

import java.security.Principal;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import dev.comm.protocol.Frame;
import dev.comm.protocol.FrameTooLargeException;
import dev.comm.protocol.MessageFrame;

/**
 * One bidirectional link to a peer that moves frames.
 * <p>
 * Validity: a connection delivers only well-formed frames, a message always with its
 * metadata, id and payload, and none whose body is over {@link #maxFrameSize()}. Each
 * transport enforces that where frames enter it (a length prefix, a WebSocket message, a
 * broker delivery, an in-process hand-over), with {@link FrameTooLargeException} for a
 * frame that is too large, and closes the connection (or, over a broker, refuses the
 * message) rather than deliver one that breaks the rule; the link above does not check
 * again.
 * <p>
 * Threading: {@link #send(Frame)} may be called from any thread and keeps the order of
 * calls made from one thread. Frames are delivered to the receiver one at a time, in
 * arrival order, on a transport thread that must not be blocked. Closing:
 * {@link #close()} is idempotent; the receiver's {@link FrameReceiver#closed(Throwable)}
 * is called exactly once, whichever side closed, after the last frame.
 */
public interface Connection {

	/**
	 * Begin reading and delivering frames to {@code receiver}. Called once.
	 * @param receiver where frames go
	 */
	void start(FrameReceiver receiver);

	/**
	 * Queue a frame for sending.
	 * @param frame the frame
	 * @return completes when the frame is accepted for sending (a transport may accept it
	 * once queued, or once written), later while its outbound buffer is full and must
	 * drain first, and exceptionally when the connection is closed. A frame that fails to
	 * go out after it was accepted closes the connection, which the receiver hears
	 * through {@link FrameReceiver#closed(Throwable)}
	 */
	CompletableFuture<Void> send(Frame frame);

	/**
	 * Do on the calling thread what sending {@code frame} involves before it is queued,
	 * such as encoding it, and leave the rest to the returned {@link PreparedFrame}. A
	 * caller that keeps a record in the order frames go out (a session's resend ledger)
	 * prepares outside its lock and only {@link PreparedFrame#queue() queues} inside it,
	 * so that senders on many threads encode at once and take turns only to get in line.
	 * By default nothing is done ahead and queueing is the whole send.
	 * @param frame the frame
	 * @return the frame, ready to be queued on this connection
	 */
	default PreparedFrame prepare(Frame frame) {
		return () -> {
			CompletableFuture<Void> sent = send(frame);
			return () -> sent;
		};
	}

	/**
	 * Close the connection; frames already queued are flushed first where the transport
	 * can.
	 */
	void close();

	/**
	 * The link is done with an inbound request or throw that this connection delivered:
	 * its handler finished and any reply was queued, or it was answered or dropped
	 * without a handler. Called once per such frame, on any thread. A transport that
	 * holds a delivery until its work is done (a broker acknowledgement) releases it
	 * here; the others have nothing to do.
	 * @param message the frame exactly as this connection delivered it
	 */
	default void handled(MessageFrame message) {
	}

	/**
	 * Whether this connection has stopped reading because too many of the throws it
	 * delivered are not yet {@link #handled(MessageFrame) handled}; the peer's silence
	 * then says nothing about whether it is alive.
	 * @return whether reading is paused
	 */
	default boolean isReadingPaused() {
		return false;
	}

	/**
	 * Who the peer is, when the transport already knows without a hello exchange (a
	 * broker that carries the caller's id with each message). The link then writes its
	 * own hello, for such a transport to take this side's client id from, but waits for
	 * none and sets no handshake timeout. Connections that carry the protocol's own
	 * handshake return empty.
	 * @return the peer's identity, or empty when the hellos must tell
	 */
	default Optional<PeerIdentity> knownPeer() {
		return Optional.empty();
	}

	boolean isOpen();

	/**
	 * The largest frame body this connection delivers, and that the link may send over
	 * it: the transport settings' {@link TransportSettings#maxFrameSize()}.
	 * @return the limit in bytes
	 */
	int maxFrameSize();

	/**
	 * A description of the remote end for logs and error messages.
	 * @return the remote address
	 */
	String remoteAddress();

	/**
	 * Who the remote end proved to be: the subject of the certificate it presented in a
	 * TLS handshake that this side verified.
	 * @return the subject, or {@code null} when the connection has no TLS or the peer
	 * presented no certificate
	 */
	default Principal peerPrincipal() {
		return null;
	}

}
