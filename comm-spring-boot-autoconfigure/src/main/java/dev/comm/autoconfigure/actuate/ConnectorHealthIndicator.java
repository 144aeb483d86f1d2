package dev.comm.autoconfigure.actuate;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

import dev.comm.endpoint.CommConnector;
import dev.comm.endpoint.ConnectorStatus;

/**
 * The health of one connector: its phase mapped to a status the application chose, with
 * its address, the time it entered that phase and why its last attempt failed.
 */
final class ConnectorHealthIndicator implements HealthIndicator {

	private final CommConnector connector;

	private final Duration connectTimeout;

	private final CommHealthProperties.Connector statuses;

	ConnectorHealthIndicator(CommConnector connector, Duration connectTimeout,
			CommHealthProperties.Connector statuses) {
		this.connector = connector;
		this.connectTimeout = connectTimeout;
		this.statuses = statuses;
	}

	@Override
	public Health health() {
		ConnectorStatus status = this.connector.status();
		Health.Builder health = Health.status(statusOf(status))
			.withDetail("address", this.connector.address().format())
			.withDetail("phase", phaseOf(status))
			.withDetail("since", status.since().toString());
		if (status.lastFailure() != null) {
			health.withDetail("lastFailure", status.lastFailure());
		}
		return health.build();
	}

	private Status statusOf(ConnectorStatus status) {
		return switch (status.phase()) {
			case CONNECTED -> Status.UP;
			case STOPPED -> Status.DOWN;
			case RECONNECTING -> new Status(this.statuses.getReconnecting());
			case CONNECTING ->
				new Status(overdue(status) ? this.statuses.getUnreachable() : this.statuses.getConnecting());
		};
	}

	private String phaseOf(ConnectorStatus status) {
		if (status.phase() == ConnectorStatus.Phase.CONNECTING && overdue(status)) {
			return "unreachable";
		}
		return status.phase().name().toLowerCase(Locale.ROOT);
	}

	private boolean overdue(ConnectorStatus status) {
		return status.since().plus(this.connectTimeout).isBefore(Instant.now());
	}

}
