package dev.comm.endpoint;

import java.time.Duration;

import dev.comm.address.CommAddress;

/**
 * An endpoint that accepts peers on one address. Every accepted peer may call this
 * process's handlers, and this process may call it back through
 * {@link dev.comm.client.CommClient#peers(String)}.
 * <p>
 * The Spring Boot starter makes one per {@code comm.listeners.<name>} entry and starts
 * and stops it with the application; code seldom needs more than its name and address.
 */
public interface CommListener {

	/**
	 * The name this listener was configured under.
	 * @return the name
	 */
	String name();

	/**
	 * The address peers dial: once started, the bound one (the real port when port 0 was
	 * asked for); before, the one asked for.
	 * @return the address
	 */
	CommAddress address();

	/**
	 * Whether the listener is bound and accepting.
	 * @return {@code true} between a successful {@link #start()} and {@link #stop}
	 */
	boolean isRunning();

	/**
	 * Bind and start accepting.
	 * @throws dev.comm.CommException if the address cannot be bound
	 */
	void start();

	/**
	 * Stop gracefully: stop accepting, let handlers in flight finish within the grace
	 * period, then close every peer's connection.
	 * @param grace how long running handlers may take to finish
	 */
	void stop(Duration grace);

}
