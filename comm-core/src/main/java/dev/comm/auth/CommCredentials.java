package dev.comm.auth;

/**
 * The token a connector presents in its hello, asked for on every connection attempt so
 * that a token that expires can be renewed. Declared as a bean, it serves the connectors
 * that have no {@code token} property.
 */
@FunctionalInterface
public interface CommCredentials {

	/**
	 * The bearer token for a connector's next connection.
	 * @param connector the connector's name
	 * @return the token, or {@code null} to present none
	 */
	String token(String connector);

}
