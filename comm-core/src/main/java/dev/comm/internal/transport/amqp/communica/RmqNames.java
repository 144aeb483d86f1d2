package dev.comm.internal.transport.amqp.communica;

/**
 * The names communica's RmqConnector gives to what it puts on the broker: one exchange,
 * the queues of a service ({@code address} in communica's words) and the values of the
 * AMQP {@code type} property ({@code message_type} in aiormq).
 */
final class RmqNames {

	/**
	 * communica's default exchange: direct and durable, every queue bound by its name.
	 */
	static final String EXCHANGE = "communica";

	static final String CONNECT = "communica_client_connect";

	static final String CONNECT_OK = "communica_client_connect_ok";

	static final String HANDSHAKE_NEXT = "communica_handshake_next";

	static final String HANDSHAKE_FAIL = "communica_handshake_fail";

	static final String HANDSHAKE_DONE = "communica_handshake_done";

	static final String MESSAGE = "message";

	static final String LISTENING = "listening";

	static final String CLOSE = "close";

	private RmqNames() {
	}

	static String connectQueue(String service) {
		return "communica." + service + ".connect.server";
	}

	static String toClient(String service, String clientId) {
		return "communica." + service + ".toClient." + clientId;
	}

	static String toServer(String service, String clientId) {
		return "communica." + service + ".toServer." + clientId;
	}

}
