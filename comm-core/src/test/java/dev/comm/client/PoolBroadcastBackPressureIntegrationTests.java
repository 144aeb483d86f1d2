package dev.comm.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.comm.CommTimeoutException;
import dev.comm.handler.CommHandler;
import dev.comm.testing.CommTestNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A broadcast throw to a member that stopped reading is held back no longer than the
 * pool's timeout: that member's reply says so, and the call returns.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PoolBroadcastBackPressureIntegrationTests {

	@Test
	void aBroadcastThrowToAMemberThatStoppedReadingTimesOutForThatMember() throws Exception {
		Stuck stuck = new Stuck();
		try (CommTestNode server = CommTestNode.builder().throwsInFlight(1).handlers(stuck).build();
				CommTestNode client = CommTestNode.builder().clientId("broadcaster").build()) {
			String address = server.listen("tcp://127.0.0.1:0").address().toString();
			CommPool pool = client.pool(new RoundRobinStrategy(), Duration.ofMillis(500), address);
			String payload = "x".repeat(16 * 1024);
			CommReply<Void> heldBack = null;
			boolean connected = false;
			// the receiver stops reading after one throw; the socket buffers fill, and
			// then the sender's connection holds throws back
			for (int i = 0; i < 100_000 && heldBack == null; i++) {
				List<CommReply<Void>> replies = pool.sendAll("stuck.sink", payload);
				assertThat(replies).hasSize(1);
				if (replies.get(0).isSuccess()) {
					connected = true;
				}
				else if (connected) {
					heldBack = replies.get(0);
				}
				else {
					// the member is still dialling
					Thread.sleep(20);
				}
			}
			stuck.release.countDown();

			assertThat(heldBack).isNotNull();
			assertThat(heldBack.error()).isInstanceOf(CommTimeoutException.class)
				.hasMessageContaining("not accepted for sending within 500 ms");
		}
	}

	static final class Stuck {

		final CountDownLatch release = new CountDownLatch(1);

		@CommHandler("stuck.sink")
		void sink(String payload) throws InterruptedException {
			this.release.await();
		}

	}

}
