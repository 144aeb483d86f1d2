package dev.comm.client;

import java.util.List;
import java.util.Locale;

/**
 * Picks the member of a {@link CommPool} that a request or throw goes to. A pool only
 * offers live members, so a strategy never has to skip dead ones itself.
 */
@FunctionalInterface
public interface PoolStrategy {

	/**
	 * Pick one member.
	 * @param live the live members, never empty
	 * @return one of them
	 */
	PoolMember choose(List<PoolMember> live);

	/**
	 * The strategy named by a property value.
	 * @param name {@code random} or {@code round-robin}, in any case
	 * @return a new strategy of that kind
	 * @throws IllegalArgumentException naming the known strategies otherwise
	 */
	static PoolStrategy named(String name) {
		String key = (name != null) ? name.trim().toLowerCase(Locale.ROOT) : "";
		return switch (key) {
			case "random" -> new RandomStrategy();
			case "round-robin" -> new RoundRobinStrategy();
			default -> throw new IllegalArgumentException(
					"Unknown pool strategy '" + name + "'; the known strategies are [random, round-robin]");
		};
	}

}
