package dev.comm;

/**
 * The connection that carried a request closed before the reply arrived, or could not be
 * used.
 */
public class CommConnectionLostException extends CommException {

	public CommConnectionLostException(String message) {
		super(message);
	}

	public CommConnectionLostException(String message, Throwable cause) {
		super(message, cause);
	}

}
