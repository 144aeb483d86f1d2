package dev.comm.client;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The pick strategies of a pool, and how property values name them.
 */
class PoolStrategyTests {

	private final List<PoolMember> members = List.of(new Member("a"), new Member("b"), new Member("c"));

	@Test
	void roundRobinTakesEachMemberInTurn() {
		PoolStrategy strategy = new RoundRobinStrategy();

		assertThat(List.of(pick(strategy), pick(strategy), pick(strategy), pick(strategy))).containsExactly("a", "b",
				"c", "a");
	}

	@Test
	void roundRobinMovesOnOverFewerMembersWhenOneDropsOut() {
		PoolStrategy strategy = new RoundRobinStrategy();
		pick(strategy);
		List<PoolMember> two = List.of(this.members.get(0), this.members.get(2));

		Set<String> picked = new HashSet<>();
		for (int i = 0; i < 4; i++) {
			picked.add(strategy.choose(two).id());
		}

		assertThat(picked).containsExactlyInAnyOrder("a", "c");
	}

	@Test
	void randomOnlyPicksAmongTheOfferedMembers() {
		PoolStrategy strategy = new RandomStrategy();
		Set<String> picked = new HashSet<>();
		for (int i = 0; i < 200; i++) {
			picked.add(pick(strategy));
		}

		assertThat(picked).containsExactlyInAnyOrder("a", "b", "c");
	}

	@Test
	void strategiesAreNamedByTheirPropertyValuesInAnyCase() {
		assertThat(PoolStrategy.named("random")).isInstanceOf(RandomStrategy.class);
		assertThat(PoolStrategy.named(" Round-Robin ")).isInstanceOf(RoundRobinStrategy.class);
	}

	@Test
	void unknownStrategyNameFailsListingTheKnownOnes() {
		assertThatIllegalArgumentException().isThrownBy(() -> PoolStrategy.named("fastest"))
			.withMessageContaining("'fastest'")
			.withMessageContaining("[random, round-robin]");
		assertThatIllegalArgumentException().isThrownBy(() -> PoolStrategy.named(null))
			.withMessageContaining("[random, round-robin]");
	}

	private String pick(PoolStrategy strategy) {
		return strategy.choose(this.members).id();
	}

	private record Member(String id) implements PoolMember {

		@Override
		public boolean isLive() {
			return true;
		}

	}

}
