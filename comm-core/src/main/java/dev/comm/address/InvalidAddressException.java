package dev.comm.address;

import dev.comm.CommException;

/**
 * A string is not a valid comm address; the message names the string and the fix.
 */
public class InvalidAddressException extends CommException {

	public InvalidAddressException(String address, String problem) {
		super("Invalid comm address '" + address + "': " + problem);
	}

}
