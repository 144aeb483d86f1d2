package dev.comm.autoconfigure;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.comm.CommNoRouteException;
import dev.comm.client.CommClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Two applications configured only by properties, talking through the RabbitMQ broker on
 * 127.0.0.1:5672: skipped loudly without one, failed under CI.
 */
class CommAmqpApplicationsIntegrationTests {

	private static final String BROKER = "amqp://guest:guest@127.0.0.1:5672/";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, CommAutoConfiguration.class));

	private final String service = "apps-" + UUID.randomUUID().toString().substring(0, 8);

	@BeforeEach
	void requireBroker() {
		if (!brokerAnswers()) {
			String message = "No RabbitMQ broker at 127.0.0.1:5672: the AMQP application tests cannot run";
			assertThat(System.getenv("CI")).as(message).isNotEqualToIgnoringCase("true");
			System.err.println("SKIPPED: " + message);
			Assumptions.abort(message);
		}
	}

	private static boolean brokerAnswers() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", 5672), 2000);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	@AfterEach
	void deleteQueues() throws Exception {
		if (!brokerAnswers()) {
			return;
		}
		ConnectionFactory factory = new ConnectionFactory();
		factory.setUri("amqp://guest:guest@127.0.0.1:5672");
		try (Connection connection = factory.newConnection(); Channel channel = connection.createChannel()) {
			channel.queueDelete("comm.service." + this.service);
			channel.exchangeDelete("comm.broadcast." + this.service);
		}
	}

	@Test
	void applicationsTalkThroughTheBrokerWithTheServiceAsAProperty() {
		this.runner.withUserConfiguration(CommApplicationsIntegrationTests.ServerHandlers.class)
			.withPropertyValues("spring.application.name=server", "comm.listeners.bus.uri=" + BROKER,
					"comm.listeners.bus.service=" + this.service, "comm.amqp.prefetch=5")
			.run((server) -> this.runner.withUserConfiguration(CommApplicationsIntegrationTests.ClientHandlers.class)
				.withPropertyValues("spring.application.name=client",
						"comm.connectors.orders.uri=" + BROKER + "?service=" + this.service,
						"comm.connectors.orders.request-timeout=10s")
				.run((client) -> {
					CommClient comm = client.getBean(CommClient.class);
					assertThat(comm.request("orders.create", new CommApplicationsIntegrationTests.CreateOrder("tea", 2),
							CommApplicationsIntegrationTests.OrderCreated.class))
						.isEqualTo(new CommApplicationsIntegrationTests.OrderCreated("tea-2", 2));
					comm.send("audit", "paid");
					assertThat(server.getBean(CommApplicationsIntegrationTests.ServerHandlers.class).audited.await(10,
							TimeUnit.SECONDS))
						.isTrue();
					assertThat(comm.request("whoami.caller", null, String.class)).isEqualTo("client answered server");
					assertThatExceptionOfType(CommNoRouteException.class).isThrownBy(
							() -> comm.withTimeout(Duration.ofSeconds(5)).request("no.such.route", null, String.class));
					assertThat(server.getEnvironment().getProperty("local.comm.listeners.bus.uri"))
						.isEqualTo(BROKER + "?service=" + this.service);
				}));
	}

}
