package dev.comm.internal.server;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.comm.CommErrorKind;
import dev.comm.CommRemoteException;
import dev.comm.client.CommClient;
import dev.comm.handler.CommHandler;
import dev.comm.testing.CommTestNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

class CommListenerGracefulStopIntegrationTests {

	private final Slow slow = new Slow();

	private CommTestNode server;

	private CommTestNode client;

	private DefaultCommListener listener;

	private CommClient comm;

	/** A request that is running in the server's handler when each test begins. */
	private CompletableFuture<String> running;

	@BeforeEach
	void startARequestThatHolds() throws InterruptedException {
		this.server = CommTestNode.builder().handlers(this.slow).build();
		this.client = CommTestNode.builder().build();
		this.listener = this.server.listen("tcp://127.0.0.1:0");
		this.comm = this.client.connect(this.listener.address().toString(), Duration.ofSeconds(10));
		this.running = this.comm.requestAsync("slow", null, String.class);
		assertThat(this.slow.started.await(5, TimeUnit.SECONDS)).isTrue();
	}

	@AfterEach
	void closeNodes() {
		this.slow.release.countDown();
		this.client.close();
		this.server.close();
	}

	@Test
	void stopLetsRunningHandlersReplyAndRefusesNewRequests() throws Exception {
		CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> this.listener.stop(Duration.ofSeconds(10)));
		// the listener stops accepting first; requests
		// on the existing link are now refused
		await("the listener to stop accepting").atMost(Duration.ofSeconds(5)).until(() -> !this.listener.isRunning());
		assertThatExceptionOfType(CommRemoteException.class)
			.isThrownBy(() -> this.comm.request("fast", null, String.class))
			.satisfies((ex) -> assertThat(ex.getKind()).isEqualTo(CommErrorKind.RESPONDER_FAULT))
			.withMessageContaining("shutting down");

		this.slow.release.countDown();
		assertThat(this.running.get(5, TimeUnit.SECONDS)).isEqualTo("finished");
		stopping.get(5, TimeUnit.SECONDS);
		assertThat(this.listener.getLinks()).isEmpty();
	}

	@Test
	void stopReturnsOnceTheLastRunningHandlerEndsWithoutWaitingOutTheGrace() throws Exception {
		// a grace far beyond the ceilings below: only the handler's end lets stop()
		// return
		CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> this.listener.stop(Duration.ofHours(1)));
		await("the listener to stop accepting").atMost(Duration.ofSeconds(5)).until(() -> !this.listener.isRunning());
		assertThat(stopping).isNotDone();

		this.slow.release.countDown();
		assertThat(this.running.get(5, TimeUnit.SECONDS)).isEqualTo("finished");
		assertThat(stopping).succeedsWithin(Duration.ofSeconds(10));
		assertThat(this.listener.getLinks()).isEmpty();
	}

	static class Slow {

		final CountDownLatch started = new CountDownLatch(1);

		final CountDownLatch release = new CountDownLatch(1);

		@CommHandler("slow")
		String slow() throws InterruptedException {
			this.started.countDown();
			this.release.await(10, TimeUnit.SECONDS);
			return "finished";
		}

		@CommHandler("fast")
		String fast() {
			return "fast";
		}

	}

}
