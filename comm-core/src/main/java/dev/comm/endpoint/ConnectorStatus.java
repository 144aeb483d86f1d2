package dev.comm.endpoint;

import java.time.Instant;

/**
 * Where a connector is in its life, for health checks and operators.
 *
 * @param phase what the connector is doing
 * @param since when it entered that phase
 * @param lastFailure why the last attempt to connect failed, or {@code null} when it has
 * not failed since it last connected
 */
public record ConnectorStatus(Phase phase, Instant since, String lastFailure) {

	/**
	 * What a connector is doing.
	 */
	public enum Phase {

		/** Started and dialling, never connected yet. */
		CONNECTING,

		/** A handshaken connection is open. */
		CONNECTED,

		/** Was connected, lost the connection, and is dialling again. */
		RECONNECTING,

		/** Not started, or stopped. */
		STOPPED

	}

}
