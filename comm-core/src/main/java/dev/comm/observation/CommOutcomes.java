package dev.comm.observation;

import java.util.concurrent.CompletionException;

import dev.comm.CommConnectionLostException;
import dev.comm.CommErrorKind;
import dev.comm.CommRemoteException;
import dev.comm.CommStreamCancelledException;
import dev.comm.CommTimeoutException;
import dev.comm.RequesterFaultException;
import dev.comm.ResponderFaultException;
import dev.comm.codec.PayloadConversionException;

/**
 * The names of how a call ended, as the {@code outcome} key of comm's observations
 * carries them: {@code success}, one of the {@link CommErrorKind#wireName() error kinds}
 * ({@code no-route}, {@code requester-fault}, {@code responder-fault},
 * {@code handler-failed}, {@code bad-payload}), {@code timeout}, {@code connection-lost},
 * {@code cancelled} for a stream given up before its end, or {@code error} for anything
 * else.
 */
public final class CommOutcomes {

	/**
	 * The call succeeded: a reply came, a throw was handed to the transport, or a stream
	 * ended with its end frame.
	 */
	public static final String SUCCESS = "success";

	/** No reply came within the timeout, or no link within it. */
	public static final String TIMEOUT = "timeout";

	/** The connection closed before the reply came, or before the stream ended. */
	public static final String CONNECTION_LOST = "connection-lost";

	/**
	 * A stream was given up before its end: by the caller's subscriber, which cancelled
	 * its subscription, or by the responder's handler
	 * ({@link CommStreamCancelledException}).
	 */
	public static final String CANCELLED = "cancelled";

	/** A failure of no kind above, such as an interrupted wait. */
	public static final String ERROR = "error";

	private CommOutcomes() {
	}

	/**
	 * The outcome a caller sees for a failure.
	 * @param failure what the call completed with
	 * @return the outcome name
	 */
	public static String of(Throwable failure) {
		Throwable cause = failure;
		while (cause instanceof CompletionException && cause.getCause() != null) {
			cause = cause.getCause();
		}
		if (cause instanceof CommRemoteException remote) {
			return remote.getKind().wireName();
		}
		if (cause instanceof CommTimeoutException) {
			return TIMEOUT;
		}
		if (cause instanceof CommConnectionLostException) {
			return CONNECTION_LOST;
		}
		if (cause instanceof CommStreamCancelledException) {
			return CANCELLED;
		}
		if (cause instanceof PayloadConversionException) {
			return CommErrorKind.BAD_PAYLOAD.wireName();
		}
		if (cause instanceof RequesterFaultException) {
			return CommErrorKind.REQUESTER_FAULT.wireName();
		}
		if (cause instanceof ResponderFaultException) {
			return CommErrorKind.RESPONDER_FAULT.wireName();
		}
		return ERROR;
	}

}
