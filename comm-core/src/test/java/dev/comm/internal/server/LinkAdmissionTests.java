package dev.comm.internal.server;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.comm.internal.session.HandshakePolicy;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The listener's slots under contention: however many connections race for them, no more
 * than the limit get one, and a released slot goes to the next.
 */
class LinkAdmissionTests {

	@Test
	void connectionsRacingForTheLastSlotsNeverGetMoreThanTheLimit() throws Exception {
		int threads = 64;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			for (int round = 0; round < 50; round++) {
				LinkAdmission admission = new LinkAdmission("test", 10, 0);
				CyclicBarrier start = new CyclicBarrier(threads);
				Callable<LinkAdmission.Ticket> accept = () -> {
					start.await();
					return admission.accept(HandshakePolicy.OPEN);
				};
				List<Future<LinkAdmission.Ticket>> tickets = pool
					.invokeAll(IntStream.range(0, threads).mapToObj((i) -> accept).toList());

				// without a client-id limit or an authenticator, only a ticket without a
				// slot reads the hello first, to refuse it
				int holding = 0;
				for (Future<LinkAdmission.Ticket> ticket : tickets) {
					holding += ticket.get().admits() ? 0 : 1;
				}
				assertThat(holding).isEqualTo(10);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void aReleasedSlotGoesToTheNextConnectionAndARefusedOneFreesNothing() {
		LinkAdmission admission = new LinkAdmission("test", 2, 0);
		LinkAdmission.Ticket first = admission.accept(HandshakePolicy.OPEN);
		LinkAdmission.Ticket second = admission.accept(HandshakePolicy.OPEN);
		LinkAdmission.Ticket refused = admission.accept(HandshakePolicy.OPEN);
		assertThat(List.of(first.admits(), second.admits(), refused.admits())).containsExactly(false, false, true);

		refused.release();
		assertThat(admission.accept(HandshakePolicy.OPEN).admits()).isTrue();

		first.release();
		assertThat(admission.accept(HandshakePolicy.OPEN).admits()).isFalse();
		assertThat(admission.accept(HandshakePolicy.OPEN).admits()).isTrue();
	}

	@Test
	void aRefusedTicketTellsThePeerTheLimitItHit() {
		LinkAdmission admission = new LinkAdmission("test", 1, 0);
		admission.accept(HandshakePolicy.OPEN);

		assertThat(admission.accept(HandshakePolicy.OPEN).admit(null, null)).failsWithin(java.time.Duration.ZERO)
			.withThrowableThat()
			.withMessageContaining("limit of 1 links (comm.limits.links-per-listener)");
	}

}
