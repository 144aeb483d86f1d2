package dev.comm.autoconfigure;

import java.time.Duration;

import dev.comm.client.PoolStrategy;

/**
 * Fails startup with a message naming the property when a comm setting makes no sense,
 * rather than letting it surface later as a hang or a busy loop.
 */
final class CommPropertiesValidator {

	private CommPropertiesValidator() {
	}

	static void validate(CommProperties properties) {
		positive("comm.request-timeout", properties.getRequestTimeout());
		positive("comm.handshake-timeout", properties.getHandshakeTimeout());
		notNegative("comm.heartbeat-interval", properties.getHeartbeatInterval());
		notNegative("comm.shutdown-grace-period", properties.getShutdownGracePeriod());
		notNegative("comm.sessions.resume-window", properties.getSessions().getResumeWindow());
		positive("comm.sessions.max-queued", properties.getSessions().getMaxQueued());
		positive("comm.amqp.prefetch", properties.getAmqp().getPrefetch());
		properties.getConnectors().forEach((name, connector) -> {
			String prefix = "comm.connectors." + name;
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
		});
		properties.getPools().forEach((name, pool) -> {
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
		});
	}

	/**
	 * The strategy a property names.
	 * @param property the property, for the message
	 * @param name its value
	 * @return a new strategy
	 * @throws InvalidCommPropertyException naming the property and the known strategies
	 */
	static PoolStrategy strategy(String property, String name) {
		try {
			return PoolStrategy.named(name);
		}
		catch (IllegalArgumentException ex) {
			// the cause adds nothing: its message is repeated here, after the property
			throw new InvalidCommPropertyException(property + ": " + ex.getMessage());
		}
	}

	static Duration positive(String property, Duration value) {
		if (value == null || value.isZero() || value.isNegative()) {
			throw new InvalidCommPropertyException(property + " must be a positive duration, not " + value);
		}
		return value;
	}

	static int positive(String property, int value) {
		if (value < 1) {
			throw new InvalidCommPropertyException(property + " must be at least 1, not " + value);
		}
		return value;
	}

	private static void notNegative(String property, Duration value) {
		if (value == null || value.isNegative()) {
			throw new InvalidCommPropertyException(property + " must be zero or a positive duration, not " + value);
		}
	}

}
