package dev.comm.client;

import java.util.Set;

/**
 * The entry point for callers: pick a connector by name with {@link #to(String)}, or call
 * the default one directly through the {@link CommTarget} methods when there is exactly
 * one.
 */
public interface CommClient extends CommTarget {

	/**
	 * The target for a named connector ({@code comm.connectors.<name>}).
	 * @param connector the connector's name
	 * @return the target
	 * @throws dev.comm.CommException naming the configured connectors if there is no such
	 * one
	 */
	CommTarget to(String connector);

	/**
	 * The names of the configured connectors.
	 * @return the names
	 */
	Set<String> connectorNames();

}
