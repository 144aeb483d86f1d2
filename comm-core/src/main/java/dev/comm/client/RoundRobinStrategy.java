package dev.comm.client;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends calls to the live members in turn. When a member drops out the turn moves on over
 * the remaining ones; when it is back it gets its turns again.
 */
public final class RoundRobinStrategy implements PoolStrategy {

	private final AtomicInteger next = new AtomicInteger();

	@Override
	public PoolMember choose(List<PoolMember> live) {
		return live.get(Math.floorMod(this.next.getAndIncrement(), live.size()));
	}

	@Override
	public String toString() {
		return "round-robin";
	}

}
