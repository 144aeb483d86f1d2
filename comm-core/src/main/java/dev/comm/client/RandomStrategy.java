package dev.comm.client;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Sends each call to a live member picked at random, like pop com's {@code rand}.
 */
public final class RandomStrategy implements PoolStrategy {

	@Override
	public PoolMember choose(List<PoolMember> live) {
		return live.get(ThreadLocalRandom.current().nextInt(live.size()));
	}

	@Override
	public String toString() {
		return "random";
	}

}
