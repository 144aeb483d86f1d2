package dev.comm.internal.transport.amqp;

/**
 * Names of the AMQP message headers that carry comm's metadata. The request id travels in
 * the {@code correlation_id} property, the queue for answers in {@code reply_to} and the
 * sender's client id in {@code app_id}; the body is the payload.
 */
final class AmqpHeaders {

	/**
	 * The start of the name of a header that carries one more metadata key, such as
	 * {@code comm-meta-traceparent}; its value is a string.
	 */
	static final String META_PREFIX = "comm-meta-";

	/**
	 * The message type, an integer as on streams: 1 request, 2 throw, 11 and up a
	 * response.
	 */
	static final String TYPE = "comm-type";

	/** The route; absent for an unrouted message. */
	static final String ROUTE = "comm-route";

	/** On an error response: the error kind's wire name. */
	static final String ERROR = "comm-error";

	/** On an error response: the handler's error code, when it gave one. */
	static final String ERROR_CODE = "comm-error-code";

	/**
	 * The place of a stream's item or end frame in its stream, from 0: the broker may
	 * reorder messages published on different channels.
	 */
	static final String SEQ = "comm-seq";

	private AmqpHeaders() {
	}

}
