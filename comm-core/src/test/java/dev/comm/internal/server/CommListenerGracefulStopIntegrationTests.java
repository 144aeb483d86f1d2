package dev.comm.internal.server;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

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

	@Test
	void stopLetsRunningHandlersReplyAndRefusesNewRequests() throws Exception {
		Slow slow = new Slow();
		try (CommTestNode server = CommTestNode.builder().handlers(slow).build();
				CommTestNode client = CommTestNode.builder().build()) {
			DefaultCommListener listener = server.listen("tcp://127.0.0.1:0");
			CommClient comm = client.connect(listener.address().toString(), Duration.ofSeconds(10));
			CompletableFuture<String> running = comm.requestAsync("slow", null, String.class);
			assertThat(slow.started.await(5, TimeUnit.SECONDS)).isTrue();

			CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> listener.stop(Duration.ofSeconds(10)));
			// the listener stops accepting first; requests
			// on the existing link are now refused
			await("the listener to stop accepting").atMost(Duration.ofSeconds(5)).until(() -> !listener.isRunning());
			assertThatExceptionOfType(CommRemoteException.class)
				.isThrownBy(() -> comm.request("fast", null, String.class))
				.satisfies((ex) -> assertThat(ex.getKind()).isEqualTo(CommErrorKind.RESPONDER_FAULT))
				.withMessageContaining("shutting down");

			slow.release.countDown();
			assertThat(running.get(5, TimeUnit.SECONDS)).isEqualTo("finished");
			stopping.get(5, TimeUnit.SECONDS);
			assertThat(listener.getLinks()).isEmpty();
		}
	}

	@Test
	void stopReturnsOnceTheLastRunningHandlerEndsWithoutWaitingOutTheGrace() throws Exception {
		Slow slow = new Slow();
		try (CommTestNode server = CommTestNode.builder().handlers(slow).build();
				CommTestNode client = CommTestNode.builder().build()) {
			DefaultCommListener listener = server.listen("tcp://127.0.0.1:0");
			CommClient comm = client.connect(listener.address().toString(), Duration.ofSeconds(10));
			CompletableFuture<String> running = comm.requestAsync("slow", null, String.class);
			assertThat(slow.started.await(5, TimeUnit.SECONDS)).isTrue();

			// a grace far beyond the ceilings below: only the handler's end lets stop()
			// return
			CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> listener.stop(Duration.ofHours(1)));
			await("the listener to stop accepting").atMost(Duration.ofSeconds(5)).until(() -> !listener.isRunning());
			assertThat(stopping).isNotDone();

			slow.release.countDown();
			assertThat(running.get(5, TimeUnit.SECONDS)).isEqualTo("finished");
			assertThat(stopping).succeedsWithin(Duration.ofSeconds(10));
			assertThat(listener.getLinks()).isEmpty();
		}
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
