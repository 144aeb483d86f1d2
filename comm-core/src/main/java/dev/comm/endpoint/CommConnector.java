package dev.comm.endpoint;

import dev.comm.address.CommAddress;

/**
 * An endpoint that dials one address and keeps a connection to it, reconnecting with
 * back-off when it drops. Calls go through the {@link dev.comm.client.CommTarget} that
 * {@link dev.comm.client.CommClient#to(String)} returns for its name.
 * <p>
 * The Spring Boot starter makes one per URI of each {@code comm.connectors.<name>} entry
 * and starts and stops it with the application.
 */
public interface CommConnector {

	/**
	 * The name calls address this connector by.
	 * @return the name
	 */
	String name();

	/**
	 * The address this connector dials.
	 * @return the address
	 */
	CommAddress address();

	/**
	 * Whether a handshaken connection is open now.
	 * @return {@code true} while connected
	 */
	boolean isConnected();

	/**
	 * What the connector is doing now, since when, and why its last attempt failed.
	 * @return the status
	 */
	ConnectorStatus status();

	/**
	 * Start dialing; returns at once, the connection is made in the background.
	 */
	void start();

	/**
	 * Close the connection and stop reconnecting; calls waiting for a connection fail
	 * with {@link dev.comm.CommConnectionLostException}.
	 */
	void stop();

}
