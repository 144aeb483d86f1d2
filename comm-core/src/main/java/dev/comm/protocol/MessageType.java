package dev.comm.protocol;

/**
 * The {@code type} values of communica's message metadata. Below {@link #RESPONSE_OK} a
 * message is a request or a throw; from it on, a response.
 */
public final class MessageType {

	/** A request; a response is expected. */
	public static final int REQUEST = 1;

	/** A throw: fire-and-forget, id {@code ""}, never answered. */
	public static final int THROW = 2;

	/**
	 * comm extension {@code stream}: a request answered by a stream of items; its
	 * metadata carries the initial credit.
	 */
	public static final int STREAM_REQUEST = 3;

	/** comm extension {@code stream}: the caller grants the responder more items. */
	public static final int CREDIT = 4;

	/** comm extension {@code stream}: either side gives a stream up. */
	public static final int CANCEL = 5;

	/** A successful response. */
	public static final int RESPONSE_OK = 11;

	/** comm extension {@code stream}: one item of a stream. */
	public static final int ITEM = 12;

	/** comm extension {@code stream}: the last frame of a stream, ok or with an error. */
	public static final int END = 13;

	/** The handler raised an unexpected exception. */
	public static final int HANDLER_ERROR = 30;

	/** The requester's fault, or an unknown route. */
	public static final int REQUESTER_FAULT = 41;

	/** The responder could not decode the request payload. */
	public static final int BAD_PAYLOAD = 42;

	/** The responder's fault. */
	public static final int RESPONDER_FAULT = 51;

	/**
	 * comm extension {@code session}: the first message a server sends after its hello,
	 * with its instance id. Only ever sent to a client that announced
	 * {@link Features#SESSION}; from the response range, so it never reaches a handler.
	 */
	public static final int SESSION = 60;

	private MessageType() {
	}

	public static boolean isInbound(int type) {
		return type < RESPONSE_OK;
	}

}
