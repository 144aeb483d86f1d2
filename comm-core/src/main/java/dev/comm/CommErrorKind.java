package dev.comm;

/**
 * Why a request failed on the other side. Each kind maps to one communica response type;
 * the {@link #wireName() wire name} travels in comm's error-type extension.
 */
public enum CommErrorKind {

	/** No handler is registered for the route (communica type 41, code null). */
	NO_ROUTE("no-route", 41),

	/** The handler rejected the request as the requester's fault (communica type 41). */
	REQUESTER_FAULT("requester-fault", 41),

	/** The responder could not convert the request payload (communica type 42). */
	BAD_PAYLOAD("bad-payload", 42),

	/** The handler failed with an unexpected exception (communica type 30). */
	HANDLER_FAILED("handler-failed", 30),

	/**
	 * The responder declared its own fault, could not encode the result or has no handler
	 * at all (communica type 51).
	 */
	RESPONDER_FAULT("responder-fault", 51);

	private final String wireName;

	private final int messageType;

	CommErrorKind(String wireName, int messageType) {
		this.wireName = wireName;
		this.messageType = messageType;
	}

	public String wireName() {
		return this.wireName;
	}

	/**
	 * The communica message type that carries this kind of error.
	 */
	public int messageType() {
		return this.messageType;
	}

	public static CommErrorKind fromWireName(String name) {
		for (CommErrorKind kind : values()) {
			if (kind.wireName.equals(name)) {
				return kind;
			}
		}
		return null;
	}

}
