package dev.comm.client;

import java.util.Set;

/**
 * The entry point for callers: pick a connector or a configured pool by name with
 * {@link #to(String)}, the peers connected to a listener with {@link #peers(String)}, or
 * call the default connector directly through the {@link CommTarget} methods when there
 * is exactly one.
 */
public interface CommClient extends CommTarget {

	/**
	 * The pool of a named connector ({@code comm.connectors.<name>}, one member per URI)
	 * or of a configured pool ({@code comm.pools.<name>}).
	 * @param name the connector's or pool's name
	 * @return the pool
	 * @throws dev.comm.CommException naming the configured connectors and pools if there
	 * is no such one
	 */
	CommPool to(String name);

	/**
	 * The peers connected to a named listener ({@code comm.listeners.<name>}), by client
	 * id.
	 * @param listener the listener's name
	 * @return the pool of its peers
	 * @throws dev.comm.CommException naming the configured listeners if there is no such
	 * one
	 */
	CommPool peers(String listener);

	/**
	 * The names {@link #to(String)} accepts.
	 * @return the names of connectors and pools
	 */
	Set<String> connectorNames();

}
