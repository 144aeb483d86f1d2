package dev.comm.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.comm.CommErrorKind;
import dev.comm.CommNoRouteException;
import dev.comm.CommRemoteException;
import dev.comm.CommTimeoutException;
import dev.comm.RequesterFaultException;
import dev.comm.client.CommClient;
import dev.comm.client.CommPeer;
import dev.comm.client.ReplyType;
import dev.comm.handler.CommHandler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Two applications configured only by properties, talking over real sockets: what a user
 * of the starter gets.
 */
class CommApplicationsIntegrationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, CommAutoConfiguration.class));

	@TempDir
	Path directory;

	@ParameterizedTest
	@ValueSource(strings = { "tcp", "unix" })
	void applicationsTalkThroughConfiguredListenerAndConnector(String scheme) {
		String listenUri = scheme.equals("tcp") ? "tcp://127.0.0.1:0" : "unix://" + this.directory.resolve("s.sock");
		this.runner.withUserConfiguration(ServerHandlers.class)
			.withPropertyValues("spring.application.name=server", "comm.listeners.main.uri=" + listenUri)
			.run((server) -> {
				String uri = server.getEnvironment().getProperty("local.comm.listeners.main.uri");
				this.runner.withUserConfiguration(ClientHandlers.class)
					.withPropertyValues("spring.application.name=client", "comm.connectors.server.uri=" + uri,
							"comm.connectors.server.request-timeout=5s")
					.run((client) -> {
						CommClient comm = client.getBean(CommClient.class);
						ServerHandlers handlers = server.getBean(ServerHandlers.class);

						assertThat(comm.to("server")
							.request("orders.create", new CreateOrder("tea", 2), OrderCreated.class))
							.isEqualTo(new OrderCreated("tea-2", 2));
						assertThat(comm.request("orders.list", 3, new ReplyType<List<OrderCreated>>() {
						})).extracting(OrderCreated::id).containsExactly("o-0", "o-1", "o-2");
						CompletableFuture<OrderCreated> later = comm.requestAsync("orders.slow",
								new CreateOrder("cake", 1), OrderCreated.class);
						assertThat(later.get(5, TimeUnit.SECONDS)).isEqualTo(new OrderCreated("cake-1", 1));

						comm.send("audit", "paid");
						assertThat(handlers.audited.await(5, TimeUnit.SECONDS)).isTrue();

						assertThat(comm.request("whoami.caller", null, String.class))
							.isEqualTo("client answered server");

						assertThatExceptionOfType(CommNoRouteException.class)
							.isThrownBy(() -> comm.request("no.such.route", null, String.class))
							.withMessageContaining("no.such.route");
						assertThatExceptionOfType(CommRemoteException.class)
							.isThrownBy(() -> comm.request("orders.create", new CreateOrder("", 0), String.class))
							.satisfies((ex) -> {
								assertThat(ex.getKind()).isEqualTo(CommErrorKind.REQUESTER_FAULT);
								assertThat(ex.getCode()).isEqualTo(422);
							});
						assertThatExceptionOfType(CommTimeoutException.class)
							.isThrownBy(() -> comm.withTimeout(Duration.ofMillis(200))
								.request("orders.stuck", null, String.class));
					});
			});
	}

	record CreateOrder(String item, int quantity) {
	}

	record OrderCreated(String id, int quantity) {
	}

	@Configuration(proxyBeanMethods = false)
	static class ServerHandlers {

		final CountDownLatch audited = new CountDownLatch(1);

		@CommHandler("orders.create")
		OrderCreated create(CreateOrder order) {
			if (order.item().isEmpty()) {
				throw new RequesterFaultException(422, "an order needs an item");
			}
			return new OrderCreated(order.item() + "-" + order.quantity(), order.quantity());
		}

		@CommHandler("orders.list")
		List<OrderCreated> list(int count) {
			return java.util.stream.IntStream.range(0, count).mapToObj((i) -> new OrderCreated("o-" + i, i)).toList();
		}

		@CommHandler("orders.slow")
		CompletableFuture<OrderCreated> slow(CreateOrder order) {
			return CompletableFuture.supplyAsync(() -> create(order),
					CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS));
		}

		@CommHandler("orders.stuck")
		CompletableFuture<String> stuck() {
			return new CompletableFuture<>();
		}

		@CommHandler("audit")
		void audit(String event) {
			this.audited.countDown();
		}

		@CommHandler("whoami.caller")
		String whoami(CommPeer caller) {
			return caller.request("whoami", "server", String.class);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ClientHandlers {

		@Bean
		Object whoamiHandler() {
			return new Object() {
				@CommHandler("whoami")
				String whoami(String asker) {
					return "client answered " + asker;
				}
			};
		}

	}

}
