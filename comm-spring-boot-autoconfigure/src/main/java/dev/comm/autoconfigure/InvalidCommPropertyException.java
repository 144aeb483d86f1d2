package dev.comm.autoconfigure;

import dev.comm.CommException;

/**
 * A {@code comm.*} property (or a combination of them) that the application cannot start
 * with. The message names the property and says what would be accepted; at startup
 * {@link CommFailureAnalyzer} turns it into Spring Boot's description-and-action report.
 */
public class InvalidCommPropertyException extends CommException {

	public InvalidCommPropertyException(String message) {
		super(message);
	}

	public InvalidCommPropertyException(String message, Throwable cause) {
		super(message, cause);
	}

}
