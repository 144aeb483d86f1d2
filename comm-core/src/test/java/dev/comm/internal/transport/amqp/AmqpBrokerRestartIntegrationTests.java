package dev.comm.internal.transport.amqp;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.comm.CommConnectionLostException;
import dev.comm.client.CommClient;
import dev.comm.handler.CommHandler;
import dev.comm.testing.CommTestNode;
import dev.comm.testing.RabbitBroker;

import static org.assertj.core.api.Assertions.assertThat;

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

	static final class Handlers {

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
