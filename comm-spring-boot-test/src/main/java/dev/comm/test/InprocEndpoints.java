package dev.comm.test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.util.StringUtils;

import dev.comm.address.CommAddress;
import dev.comm.address.InvalidAddressException;
import dev.comm.autoconfigure.CommProperties;

/**
 * The in-process version of an application's endpoints: the {@code comm.*} properties
 * that move every listener and connector onto {@code inproc://} names private to one
 * application context. Each listener gets the name {@code <context>.<listener>}; a
 * connector whose address would reach one of those listeners over real sockets
 * ({@link ListenerReach}) gets that listener's name, so the two still meet; any other
 * connector gets a name of its own that only the {@link UnservedAddresses stand-in}
 * answers. What only applies to the old address (TLS bundle, amqp service) is cleared. An
 * address that does not parse is left as it is, for the application's own validation to
 * report.
 *
 * @param properties the properties to put in front of the application's own
 * @param unserved the connector addresses that no listener of the application serves
 */
record InprocEndpoints(Map<String, Object> properties, List<UnservedAddress> unserved) {

	/**
	 * The rewrite of the endpoints that {@code properties} configure.
	 * @param properties the application's {@code comm.*} properties
	 * @param context a name for the application context, unique in the JVM
	 * @return the properties that move them in-process
	 */
	static InprocEndpoints of(CommProperties properties, String context) {
		Map<String, Object> rewritten = new LinkedHashMap<>();
		// the endpoints need the transport even where the application switched it off
		rewritten.put("comm.transports.inproc", true);
		Map<String, CommAddress> listeners = new LinkedHashMap<>();
		properties.getListeners().forEach((name, listener) -> {
			CommAddress address = parse(listener.getUri(), listener.getService());
			if (address != null) {
				listeners.put(name, address);
				String prefix = "comm.listeners[" + name + "]";
				rewritten.put(prefix + ".uri", inproc(context, name));
				rewritten.put(prefix + ".service", "");
				rewritten.put(prefix + ".ssl.bundle", "");
				rewritten.put(prefix + ".ssl.client-auth", "none");
			}
		});
		List<UnservedAddress> unserved = new ArrayList<>();
		properties.getConnectors().forEach((name, connector) -> {
			String prefix = "comm.connectors[" + name + "]";
			boolean several = !StringUtils.hasText(connector.getUri());
			List<String> uris = several ? connector.getUris() : List.of(connector.getUri());
			for (int i = 0; i < uris.size(); i++) {
				CommAddress address = parse(uris.get(i), connector.getService());
				if (address == null) {
					continue;
				}
				String member = (uris.size() == 1) ? name : name + "#" + (i + 1);
				String target = listeners.entrySet()
					.stream()
					.filter((listener) -> ListenerReach.reaches(listener.getValue(), address))
					.map((listener) -> inproc(context, listener.getKey()))
					.findFirst()
					.orElse(null);
				if (target == null) {
					UnservedAddress outside = new UnservedAddress(member, address, context + ".unserved." + member);
					unserved.add(outside);
					target = "inproc://" + outside.inprocName();
				}
				rewritten.put(several ? prefix + ".uris[" + i + "]" : prefix + ".uri", target);
			}
			rewritten.put(prefix + ".service", "");
			rewritten.put(prefix + ".ssl.bundle", "");
		});
		return new InprocEndpoints(rewritten, unserved);
	}

	private static String inproc(String context, String listener) {
		return "inproc://" + context + "." + listener;
	}

	/** The address as the application reads it, its amqp service folded in. */
	private static CommAddress parse(String uri, String service) {
		if (!StringUtils.hasText(uri)) {
			return null;
		}
		try {
			CommAddress address = CommAddress.parse(uri);
			boolean amqp = address.scheme().startsWith("amqp");
			return (amqp && StringUtils.hasText(service)) ? address.withParameter("service", service) : address;
		}
		catch (InvalidAddressException ex) {
			return null;
		}
	}

	/**
	 * A connector address that no listener of the application serves.
	 *
	 * @param connector the connector's name, with {@code #n} for one of several URIs
	 * @param address the address it was configured with
	 * @param inprocName the in-process name it dials instead
	 */
	record UnservedAddress(String connector, CommAddress address, String inprocName) {

	}

}
