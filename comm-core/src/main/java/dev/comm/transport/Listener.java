package dev.comm.transport;

import dev.comm.address.CommAddress;

/**
 * A bound server endpoint. {@link #close()} stops accepting; connections already accepted
 * stay open (their owners close them).
 */
public interface Listener extends AutoCloseable {

	/**
	 * The bound address, with the real port when the requested one was 0.
	 * @return the address
	 */
	CommAddress address();

	@Override
	void close();

}
