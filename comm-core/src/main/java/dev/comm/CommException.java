package dev.comm;

/**
 * Root of every exception comm raises. Unchecked: a messaging failure is rarely something
 * the direct caller can recover from, and transports translate their native errors into
 * this family at their boundary.
 */
public class CommException extends RuntimeException {

	public CommException(String message) {
		super(message);
	}

	public CommException(String message, Throwable cause) {
		super(message, cause);
	}

}
