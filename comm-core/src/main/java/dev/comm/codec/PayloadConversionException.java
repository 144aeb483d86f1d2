package dev.comm.codec;

import dev.comm.CommException;

/**
 * A payload could not be converted to or from the type it was meant to have.
 */
public class PayloadConversionException extends CommException {

	public PayloadConversionException(String message, Throwable cause) {
		super(message, cause);
	}

}
