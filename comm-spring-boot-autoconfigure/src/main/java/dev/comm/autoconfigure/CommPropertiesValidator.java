package dev.comm.autoconfigure;

import java.time.Duration;

import org.springframework.util.StringUtils;

import dev.comm.address.CommAddress;
import dev.comm.client.PoolStrategy;

/**
 * Fails startup with a message naming the property when a comm setting makes no sense,
 * rather than letting it surface later as a hang or a busy loop. The one place that
 * judges {@code comm.*} values; {@link CommEndpoints#of} runs it once, before any bean
 * reads them. (What needs other beans to judge, the TLS bundles and whether a ws listener
 * has a web server, is checked where those endpoints are made.)
 */
final class CommPropertiesValidator {

	private CommPropertiesValidator() {
	}

	/**
	 * Check every {@code comm.*} value that can be judged alone; the addresses are
	 * checked as they are parsed ({@link #requireUri}, {@link #address}).
	 * @param properties the bound properties
	 * @throws InvalidCommPropertyException naming the first property that makes no sense
	 */
	static void validate(CommProperties properties) {
		validateSettings(properties);
		properties.getConnectors()
			.forEach((name, connector) -> validateConnector("comm.connectors." + name, connector));
		properties.getPools().forEach((name, pool) -> validatePool(name, pool, properties));
	}

	private static void validateSettings(CommProperties properties) {
		positive("comm.request-timeout", properties.getRequestTimeout());
		long maxFrameSize = properties.getMaxFrameSize().toBytes();
		if (maxFrameSize < 1024 || maxFrameSize > Integer.MAX_VALUE - 8) {
			throw new InvalidCommPropertyException(
					"comm.max-frame-size must be between 1KB and 2GB, not " + properties.getMaxFrameSize());
		}
		positive("comm.connect-timeout", properties.getConnectTimeout());
		positive("comm.handler-threads", properties.getHandlerThreads());
		positive("comm.handshake-timeout", properties.getHandshakeTimeout());
		notNegative("comm.heartbeat-interval", properties.getHeartbeatInterval());
		notNegative("comm.shutdown-grace-period", properties.getShutdownGracePeriod());
		notNegative("comm.sessions.resume-window", properties.getSessions().getResumeWindow());
		positive("comm.sessions.max-queued", properties.getSessions().getMaxQueued());
		positive("comm.amqp.prefetch", properties.getAmqp().getPrefetch());
		positive("comm.limits.requests-in-flight", properties.getLimits().getRequestsInFlight());
		positive("comm.limits.throws-in-flight", properties.getLimits().getThrowsInFlight());
		positive("comm.streams.window", properties.getStreams().getWindow());
		positive("comm.streams.idle-timeout", properties.getStreams().getIdleTimeout());
		positive("comm.streams.credit-timeout", properties.getStreams().getCreditTimeout());
		positive("comm.streams.max-per-link", properties.getStreams().getMaxPerLink());
	}

	private static void validateConnector(String prefix, CommProperties.Connector connector) {
		if (connector.getRequestTimeout() != null) {
			positive(prefix + ".request-timeout", connector.getRequestTimeout());
		}
		if (connector.getUri() != null && !connector.getUri().isBlank() && !connector.getUris().isEmpty()) {
			throw new InvalidCommPropertyException(prefix + ".uri and " + prefix + ".uris are both set; use one");
		}
		strategy(prefix + ".strategy", connector.getStrategy());
		CommProperties.Reconnect reconnect = connector.getReconnect();
		positive(prefix + ".reconnect.initial-delay", reconnect.getInitialDelay());
		positive(prefix + ".reconnect.max-delay", reconnect.getMaxDelay());
		if (reconnect.getMaxDelay().compareTo(reconnect.getInitialDelay()) < 0) {
			throw new InvalidCommPropertyException(prefix + ".reconnect.max-delay (" + reconnect.getMaxDelay()
					+ ") must not be shorter than the initial delay (" + reconnect.getInitialDelay() + ")");
		}
		if (reconnect.getMultiplier() < 1) {
			throw new InvalidCommPropertyException(
					prefix + ".reconnect.multiplier must be at least 1, not " + reconnect.getMultiplier());
		}
	}

	private static void validatePool(String name, CommProperties.Pool pool, CommProperties properties) {
		String prefix = "comm.pools." + name;
		if (properties.getConnectors().containsKey(name)) {
			throw new InvalidCommPropertyException(
					prefix + " has the name of a connector; comm.to(name) must find one or the other");
		}
		if (pool.getRequestTimeout() != null) {
			positive(prefix + ".request-timeout", pool.getRequestTimeout());
		}
		strategy(prefix + ".strategy", pool.getStrategy());
		for (String listener : pool.getListeners()) {
			if (!properties.getListeners().containsKey(listener)) {
				throw new InvalidCommPropertyException(prefix + ".listeners names '" + listener
						+ "', which is not one of the listeners " + properties.getListeners().keySet());
			}
		}
		for (String connector : pool.getConnectors()) {
			if (!properties.getConnectors().containsKey(connector)) {
				throw new InvalidCommPropertyException(prefix + ".connectors names '" + connector
						+ "', which is not one of the connectors " + properties.getConnectors().keySet());
			}
		}
	}

	/**
	 * The URI a property holds.
	 * @param property the property, for the message
	 * @param uri its value
	 * @return the URI
	 * @throws InvalidCommPropertyException when it is missing or blank
	 */
	static String requireUri(String property, String uri) {
		if (uri == null || uri.isBlank()) {
			throw new InvalidCommPropertyException(property + " is required, for example tcp://127.0.0.1:7070");
		}
		return uri;
	}

	/**
	 * The address of an endpoint, with its {@code service} property folded into an amqp
	 * address as the {@code service} parameter.
	 * @param prefix the endpoint's properties, such as {@code comm.connectors.billing}
	 * @param uri its URI
	 * @param service its {@code service} property
	 * @return the parsed address
	 * @throws InvalidCommPropertyException when the service is missing, misplaced or
	 * contradicts the URI
	 */
	static CommAddress address(String prefix, String uri, String service) {
		CommAddress address = CommAddress.parse(uri);
		boolean amqp = address.scheme().startsWith("amqp");
		if (!StringUtils.hasText(service)) {
			if (amqp && address.parameter("service") == null) {
				throw new InvalidCommPropertyException(prefix + " needs a service for its amqp address: set " + prefix
						+ ".service or add ?service=<name> to the uri");
			}
			return address;
		}
		if (!amqp) {
			throw new InvalidCommPropertyException(
					prefix + ".service applies to amqp addresses only, not to " + address);
		}
		String inUri = address.parameter("service");
		if (inUri != null && !inUri.equals(service)) {
			throw new InvalidCommPropertyException(prefix + ".service is '" + service + "' but the uri names service '"
					+ inUri + "'; set it in one place");
		}
		return address.withParameter("service", service);
	}

	/**
	 * Check that a property names a known strategy.
	 * @param property the property, for the message
	 * @param name its value
	 * @throws InvalidCommPropertyException naming the property and the known strategies
	 */
	private static void strategy(String property, String name) {
		try {
			PoolStrategy.named(name);
		}
		catch (IllegalArgumentException ex) {
			// the cause adds nothing: its message is repeated here, after the property
			throw new InvalidCommPropertyException(property + ": " + ex.getMessage());
		}
	}

	private static void positive(String property, Duration value) {
		if (value == null || value.isZero() || value.isNegative()) {
			throw new InvalidCommPropertyException(property + " must be a positive duration, not " + value);
		}
	}

	private static void positive(String property, int value) {
		if (value < 1) {
			throw new InvalidCommPropertyException(property + " must be at least 1, not " + value);
		}
	}

	private static void notNegative(String property, Duration value) {
		if (value == null || value.isNegative()) {
			throw new InvalidCommPropertyException(property + " must be zero or a positive duration, not " + value);
		}
	}

}
