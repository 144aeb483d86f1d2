package dev.comm.protocol;

import dev.comm.CommException;

/**
 * Bytes from the wire that break the protocol: an oversize length, an unknown frame code,
 * malformed metadata. The connection that carried them is closed; other connections go
 * on.
 */
public class ProtocolException extends CommException {

	public ProtocolException(String message) {
		super(message);
	}

	public ProtocolException(String message, Throwable cause) {
		super(message, cause);
	}

}
