package dev.comm.transport;

import java.time.Duration;

/**
 * Limits a transport applies to a connection.
 *
 * @param maxFrameSize the largest frame body accepted or sent, in bytes; a longer length
 * read from the wire closes the connection before anything is allocated for it
 * @param connectTimeout how long to wait for a connection to open
 */
public record TransportSettings(int maxFrameSize, Duration connectTimeout) {

	/** Largest frame body by default: 16 MiB. */
	public static final int DEFAULT_MAX_FRAME_SIZE = 16 * 1024 * 1024;

	public static TransportSettings defaults() {
		return new TransportSettings(DEFAULT_MAX_FRAME_SIZE, Duration.ofSeconds(10));
	}

}
