package dev.comm.internal.transport.amqp;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.comm.CommConnectionLostException;
import dev.comm.CommException;
import dev.comm.client.CommClient;
import dev.comm.handler.CommHandler;
import dev.comm.testing.CommTestNode;
import dev.comm.testing.RabbitBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The broker goes away with requests in flight, then comes back: the requests fail at
 * once, and both sides recover without being restarted. Stops and starts the broker's
 * application with {@code rabbitmqctl}, and always starts it again.
 */
class AmqpBrokerRestartIntegrationTests {

	private final String service = RabbitBroker.uniqueService("restart");

	private final Handlers handlers = new Handlers();

	private CommTestNode server;

	private CommTestNode client;

	@BeforeEach
	void requireBroker() {
		RabbitBroker.assumeAvailable();
	}

	@AfterEach
	void close() throws Exception {
		this.handlers.release.countDown();
		if (this.server == null) {
			// skipped: no broker to restore
			return;
		}
		try {
			RabbitBroker.rabbitmqctl("start_app");
			RabbitBroker.rabbitmqctl("await_startup");
		}
		finally {
			if (this.client != null) {
				this.client.close();
			}
			if (this.server != null) {
				this.server.close();
			}
			RabbitBroker.deleteServices(List.of(this.service));
		}
	}

	@Test
	void requestsInFlightFailFastWhenTheBrokerStopsAndNewRequestsSucceedOnceItIsBack() throws Exception {
		this.server = CommTestNode.builder().clientId("restart-server").handlers(this.handlers).build();
		this.server.listen(RabbitBroker.uri(this.service));
		this.client = CommTestNode.builder().clientId("restart-client").build();
		// far longer than the waits below: failures must come from the lost connection
		CommClient comm = this.client.connect(RabbitBroker.uri(this.service), Duration.ofSeconds(60));
		assertThat(comm.request("echo", "before", String.class)).isEqualTo("before");
		CompletableFuture<String> inFlight = comm.requestAsync("block", "x", String.class);
		assertThat(this.handlers.blocked.await(10, TimeUnit.SECONDS)).isTrue();

		RabbitBroker.rabbitmqctl("stop_app");

		assertThat(inFlight).failsWithin(Duration.ofSeconds(10))
			.withThrowableOfType(ExecutionException.class)
			.withCauseInstanceOf(CommConnectionLostException.class);

		RabbitBroker.rabbitmqctl("start_app");
		RabbitBroker.rabbitmqctl("await_startup");

		// made at once: it waits for the caller to reconnect, and for the listener to
		// consume again, within its timeout
		assertThat(comm.withTimeout(Duration.ofSeconds(30)).request("echo", "after", String.class)).isEqualTo("after");
	}

	@Test
	void noConfirmedThrowIsLostAcrossTenBrokerRestartsWhileAProducerSends() throws Exception {
		this.server = CommTestNode.builder().clientId("restart-server").handlers(this.handlers).build();
		this.server.listen(RabbitBroker.uri(this.service));
		this.client = CommTestNode.builder().clientId("restart-producer").build();
		CommClient comm = this.client.connect(RabbitBroker.uri(this.service), Duration.ofSeconds(5));
		Set<String> confirmed = ConcurrentHashMap.newKeySet();
		AtomicInteger refused = new AtomicInteger();
		AtomicBoolean producing = new AtomicBoolean(true);
		CompletableFuture<Void> producer = CompletableFuture.runAsync(() -> {
			for (int i = 0; producing.get(); i++) {
				String note = "n-" + i;
				try {
					comm.send("note", note);
					confirmed.add(note);
				}
				catch (CommException ex) {
					// not confirmed: the sender was told, which is all a throw promises
					// then
					refused.incrementAndGet();
					sleep(20);
				}
			}
		});

		for (int restart = 0; restart < 10; restart++) {
			sleep(700);
			RabbitBroker.rabbitmqctl("stop_app");
			sleep(300);
			RabbitBroker.rabbitmqctl("start_app");
			RabbitBroker.rabbitmqctl("await_startup");
		}
		sleep(700);
		producing.set(false);
		producer.get(30, TimeUnit.SECONDS);

		await("every confirmed throw to be handled").atMost(Duration.ofSeconds(60))
			.until(() -> this.handlers.notes.containsAll(confirmed));
		System.out.printf("Broker restarts: 10; throws confirmed %d, refused %d, handled %d (distinct)%n",
				confirmed.size(), refused.get(), this.handlers.notes.size());
		assertThat(confirmed).hasSizeGreaterThan(100);
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	static final class Handlers {

		final Set<String> notes = ConcurrentHashMap.newKeySet();

		@CommHandler("note")
		void note(String note) {
			this.notes.add(note);
		}

		final CountDownLatch blocked = new CountDownLatch(1);

		final CountDownLatch release = new CountDownLatch(1);

		@CommHandler("echo")
		String echo(String text) {
			return text;
		}

		@CommHandler("block")
		String block(String ignored) throws InterruptedException {
			this.blocked.countDown();
			this.release.await(30, TimeUnit.SECONDS);
			return "released";
		}

	}

}
