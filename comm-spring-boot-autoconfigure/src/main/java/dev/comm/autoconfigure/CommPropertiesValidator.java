package dev.comm.autoconfigure;

import java.time.Duration;

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
		positive("comm.amqp.prefetch", properties.getAmqp().getPrefetch());
		properties.getConnectors().forEach((name, connector) -> {
			String prefix = "comm.connectors." + name;
			if (connector.getRequestTimeout() != null) {
				positive(prefix + ".request-timeout", connector.getRequestTimeout());
			}
			CommProperties.Reconnect reconnect = connector.getReconnect();
			positive(prefix + ".reconnect.initial-delay", reconnect.getInitialDelay());
			positive(prefix + ".reconnect.max-delay", reconnect.getMaxDelay());
			if (reconnect.getMaxDelay().compareTo(reconnect.getInitialDelay()) < 0) {
				throw new IllegalArgumentException(prefix + ".reconnect.max-delay (" + reconnect.getMaxDelay()
						+ ") must not be shorter than the initial delay (" + reconnect.getInitialDelay() + ")");
			}
			if (reconnect.getMultiplier() < 1) {
				throw new IllegalArgumentException(
						prefix + ".reconnect.multiplier must be at least 1, not " + reconnect.getMultiplier());
			}
		});
	}

	static Duration positive(String property, Duration value) {
		if (value == null || value.isZero() || value.isNegative()) {
			throw new IllegalArgumentException(property + " must be a positive duration, not " + value);
		}
		return value;
	}

	static int positive(String property, int value) {
		if (value < 1) {
			throw new IllegalArgumentException(property + " must be at least 1, not " + value);
		}
		return value;
	}

	private static void notNegative(String property, Duration value) {
		if (value == null || value.isNegative()) {
			throw new IllegalArgumentException(property + " must be zero or a positive duration, not " + value);
		}
	}

}
