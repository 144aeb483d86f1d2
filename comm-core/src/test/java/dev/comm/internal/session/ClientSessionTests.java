package dev.comm.internal.session;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.comm.CommConnectionLostException;
import dev.comm.CommTimeoutException;
import dev.comm.protocol.MessageType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What a client's session does with the requests of a dropped link, for each thing the
 * next link's server can say.
 */
class ClientSessionTests {

	private static final Duration LONG = Duration.ofMinutes(5);

	private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);

	private final ClientSession session = new ClientSession(this.scheduler, "tcp://server:7070");

	private final CommConnectionLostException lost = new CommConnectionLostException("link lost");

	@AfterEach
	void stopScheduler() {
		this.scheduler.shutdownNow();
	}

	@Test
	void requestsOfADroppedLinkGetTheirReplyOnTheNextLinkOfTheSameInstance() throws Exception {
		PendingRequests first = links();
		CompletableFuture<byte[]> reply = first.register("r1", "slow", LONG);
		this.session.resumed("instance-1", false, 0, first, null);

		this.session.suspend(first, "instance-1", this.lost);
		PendingRequests second = links();
		this.session.resumed("instance-1", true, 0, second, null);

		assertThat(this.session.heldRequests()).isZero();
		assertThat(second.complete("r1", MessageType.RESPONSE_OK, bytes("\"done\""))).isTrue();
		assertThat(reply.get(1, TimeUnit.SECONDS)).isEqualTo(bytes("\"done\""));
	}

	@Test
	void requestsFailAtOnceWhenTheNextServerIsANewProcess() {
		PendingRequests first = links();
		CompletableFuture<byte[]> reply = first.register("r1", "slow", LONG);
		this.session.resumed("instance-1", false, 0, first, null);

		this.session.suspend(first, "instance-1", this.lost);
		this.session.resumed("instance-2", false, 0, links(), null);

		assertFailedWith(reply, "is a new process");
	}

	@Test
	void requestsFailAtOnceWhenTheServerForgotTheSession() {
		PendingRequests first = links();
		CompletableFuture<byte[]> reply = first.register("r1", "slow", LONG);
		this.session.resumed("instance-1", false, 0, first, null);

		this.session.suspend(first, "instance-1", this.lost);
		this.session.resumed("instance-1", false, 0, links(), null);

		assertFailedWith(reply, "no longer knew");
	}

	@Test
	void requestsFailAtOnceWhenTheNextLinkHasNoSession() {
		PendingRequests first = links();
		CompletableFuture<byte[]> reply = first.register("r1", "slow", LONG);
		this.session.resumed("instance-1", false, 0, first, null);

		this.session.suspend(first, "instance-1", this.lost);
		this.session.noSession();

		assertFailedWith(reply, "no longer keeps sessions");
	}

	@Test
	void heldRequestsKeepTheirTimeouts() {
		PendingRequests first = links();
		CompletableFuture<byte[]> reply = first.register("r1", "slow", Duration.ofMillis(100));
		this.session.resumed("instance-1", false, 0, first, null);

		this.session.suspend(first, "instance-1", this.lost);

		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> reply.get(10, TimeUnit.SECONDS))
			.withCauseInstanceOf(CommTimeoutException.class);
		assertThat(this.session.heldRequests()).isZero();
	}

	@Test
	void aLossReportedAfterTheNextLinkResumedHandsTheRequestsToThatLink() throws Exception {
		PendingRequests first = links();
		CompletableFuture<byte[]> reply = first.register("r1", "slow", LONG);
		this.session.resumed("instance-1", false, 0, first, null);
		PendingRequests second = links();
		this.session.resumed("instance-1", true, 0, second, null);

		this.session.suspend(first, "instance-1", this.lost);

		assertThat(second.complete("r1", MessageType.RESPONSE_OK, bytes("1"))).isTrue();
		assertThat(reply.get(1, TimeUnit.SECONDS)).isEqualTo(bytes("1"));
	}

	@Test
	void aLossReportedAfterANewProcessAnsweredFailsTheRequests() {
		PendingRequests first = links();
		CompletableFuture<byte[]> reply = first.register("r1", "slow", LONG);
		this.session.resumed("instance-1", false, 0, first, null);
		this.session.resumed("instance-2", false, 0, links(), null);

		this.session.suspend(first, "instance-1", this.lost);

		assertFailedWith(reply, "is a new process");
	}

	@Test
	void closingTheSessionFailsWhatItHoldsAndHoldsNothingMore() {
		PendingRequests first = links();
		CompletableFuture<byte[]> held = first.register("r1", "slow", LONG);
		this.session.resumed("instance-1", false, 0, first, null);
		this.session.suspend(first, "instance-1", this.lost);

		this.session.close(new CommConnectionLostException("Connector 'test' is stopped"));
		PendingRequests second = links();
		CompletableFuture<byte[]> later = second.register("r2", "slow", LONG);
		this.session.suspend(second, "instance-1", this.lost);

		assertFailedWith(held, "is stopped");
		assertFailedWith(later, "link lost");
	}

	private PendingRequests links() {
		return new PendingRequests(this.scheduler, "tcp://server:7070");
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static void assertFailedWith(CompletableFuture<byte[]> reply, String message) {
		assertThat(reply).isCompletedExceptionally();
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(reply::get)
			.withCauseInstanceOf(CommConnectionLostException.class)
			.withMessageContaining(message);
	}

}
