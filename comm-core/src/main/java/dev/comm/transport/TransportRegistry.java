package dev.comm.transport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.comm.CommException;

/**
 * The transports an application has, picked by URI scheme. Built from whatever transports
 * are configured, so a new scheme needs no change here.
 */
public final class TransportRegistry implements AutoCloseable {

	private final Map<String, Transport> bySchemes = new LinkedHashMap<>();

	public TransportRegistry(List<? extends Transport> transports) {
		for (Transport transport : transports) {
			for (String scheme : transport.schemes()) {
				Transport previous = this.bySchemes.putIfAbsent(scheme, transport);
				if (previous != null) {
					throw new IllegalStateException("Scheme '" + scheme + "' is served by both " + previous + " and "
							+ transport + "; keep one of them");
				}
			}
		}
	}

	/**
	 * The transport for a scheme.
	 * @param scheme the scheme
	 * @return the transport
	 * @throws CommException naming the known schemes if none serves it
	 */
	public Transport forScheme(String scheme) {
		Transport transport = this.bySchemes.get(scheme);
		if (transport == null) {
			throw new CommException("No transport for scheme '" + scheme + "'; the available schemes are " + schemes()
					+ " (add the library for the missing transport to the classpath)");
		}
		return transport;
	}

	public List<String> schemes() {
		return new ArrayList<>(this.bySchemes.keySet());
	}

	@Override
	public void close() {
		this.bySchemes.values().stream().distinct().forEach(Transport::close);
	}

}
