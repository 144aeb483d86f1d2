package dev.comm.internal.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.comm.CommTimeoutException;
import dev.comm.internal.session.Link;

import static org.assertj.core.api.Assertions.assertThat;

class MemberWaitTests {

	private static final Duration CEILING = Duration.ofSeconds(10);

	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

	@AfterEach
	void stopScheduler() {
		this.scheduler.shutdownNow();
	}

	@Test
	void waitingCallLooksAgainWhenAMemberArrivesAndTakesIt() {
		AtomicReference<ReachableMember> present = new AtomicReference<>();
		AtomicInteger lookups = new AtomicInteger();
		CompletableFuture<Link> link = MemberWait.link(() -> {
			lookups.incrementAndGet();
			return present.get();
		}, Duration.ofMinutes(5), this.scheduler, "member");
		assertThat(link).isNotDone();
		assertThat(lookups).hasValue(1);

		present.set(new ReadyMember());
		MemberArrivals.arrived();

		assertThat(link).succeedsWithin(CEILING).isNull();
	}

	@Test
	void waitingCallThatSeesNoArrivalFailsWithATimeoutAndStopsListening() {
		CompletableFuture<Link> link = MemberWait.link(() -> null, Duration.ofMillis(50), this.scheduler, "member");

		assertThat(link).failsWithin(CEILING)
			.withThrowableThat()
			.havingCause()
			.isInstanceOf(CommTimeoutException.class)
			.withMessageContaining("No member within 50 ms");
	}

	/** Live at once; its link is a placeholder the wait passes through. */
	private static final class ReadyMember implements ReachableMember {

		@Override
		public String id() {
			return "ready";
		}

		@Override
		public boolean isLive() {
			return true;
		}

		@Override
		public CompletableFuture<Link> link(Duration timeout) {
			return CompletableFuture.completedFuture(null);
		}

	}

}
