package dev.comm.autoconfigure.actuate;

import java.util.List;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

import dev.comm.client.CommPool;
import dev.comm.client.PoolMember;

/**
 * The health of one configured pool: UP with at least {@code comm.health.pool.min-live}
 * live members, with how many are live out of all.
 */
final class PoolHealthIndicator implements HealthIndicator {

	private final CommPool pool;

	private final CommHealthProperties.Pool settings;

	PoolHealthIndicator(CommPool pool, CommHealthProperties.Pool settings) {
		this.pool = pool;
		this.settings = settings;
	}

	@Override
	public Health health() {
		List<PoolMember> members = this.pool.members();
		long live = members.stream().filter(PoolMember::isLive).count();
		Status status = (live >= this.settings.getMinLive()) ? Status.UP : new Status(this.settings.getBelowMinLive());
		return Health.status(status).withDetail("live", live).withDetail("members", members.size()).build();
	}

}
