package dev.comm.transport;

import java.time.Duration;

/**
 * Limits and security a transport applies to a connection.
 *
 * @param maxFrameSize the largest frame body accepted or sent, in bytes; a longer length
 * read from the wire closes the connection before anything is allocated for it
 * @param connectTimeout how long to wait for a connection to open, TLS handshake included
 * @param tls how a {@code tls://} connection is secured, or {@code null} where the
 * address does not ask for TLS (a {@code tls://} connector then trusts what the JVM
 * trusts; a {@code tls://} listener cannot start without a certificate)
 * @param throwsInFlight how many throws a connection delivers whose handling has not
 * finished ({@link Connection#handled}) before it stops reading from its peer, which then
 * slows down; it reads again once half of them are done. A transport that cannot stop
 * reading bounds them its own way, see its documentation
 * @param clientId the client id of the side that dials, or {@code null} where unknown;
 * only transports whose addressing names the client need it (communica's RmqConnector
 * names its queues after it)
 */
public record TransportSettings(int maxFrameSize, Duration connectTimeout, TlsSettings tls, int throwsInFlight,
		String clientId) {

	/** Largest frame body by default: 16 MiB. */
	public static final int DEFAULT_MAX_FRAME_SIZE = 16 * 1024 * 1024;

	/**
	 * Unhandled throws per connection by default: enough that a burst keeps every handler
	 * thread busy while reading pauses, few enough that small throws held this way cost
	 * megabytes, not the heap.
	 */
	public static final int DEFAULT_THROWS_IN_FLIGHT = 4096;

	public TransportSettings {
		if (throwsInFlight < 1) {
			throw new IllegalArgumentException("throws-in-flight must be at least 1, not " + throwsInFlight);
		}
	}

	/**
	 * Settings with the default bound on unhandled throws and no client id.
	 * @param maxFrameSize the largest frame body accepted or sent, in bytes
	 * @param connectTimeout how long to wait for a connection to open
	 * @param tls how a {@code tls://} connection is secured, or {@code null}
	 */
	public TransportSettings(int maxFrameSize, Duration connectTimeout, TlsSettings tls) {
		this(maxFrameSize, connectTimeout, tls, DEFAULT_THROWS_IN_FLIGHT, null);
	}

	/**
	 * Settings without TLS.
	 * @param maxFrameSize the largest frame body accepted or sent, in bytes
	 * @param connectTimeout how long to wait for a connection to open
	 */
	public TransportSettings(int maxFrameSize, Duration connectTimeout) {
		this(maxFrameSize, connectTimeout, null);
	}

	public static TransportSettings defaults() {
		return new TransportSettings(DEFAULT_MAX_FRAME_SIZE, Duration.ofSeconds(10));
	}

	/**
	 * These settings with TLS.
	 * @param tls how connections are secured
	 * @return the new settings
	 */
	public TransportSettings withTls(TlsSettings tls) {
		return new TransportSettings(this.maxFrameSize, this.connectTimeout, tls, this.throwsInFlight, this.clientId);
	}

	/**
	 * These settings with another bound on unhandled throws.
	 * @param throwsInFlight the bound
	 * @return the new settings
	 */
	public TransportSettings withThrowsInFlight(int throwsInFlight) {
		return new TransportSettings(this.maxFrameSize, this.connectTimeout, this.tls, throwsInFlight, this.clientId);
	}

	/**
	 * These settings for connections dialled by a client.
	 * @param clientId the client's id
	 * @return the new settings
	 */
	public TransportSettings withClientId(String clientId) {
		return new TransportSettings(this.maxFrameSize, this.connectTimeout, this.tls, this.throwsInFlight, clientId);
	}

}
