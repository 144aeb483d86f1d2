package dev.comm.autoconfigure;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.annotation.Validated;

import dev.comm.CommErrorKind;
import dev.comm.CommRemoteException;
import dev.comm.client.CommClient;
import dev.comm.handler.CommHandler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code @Valid} and {@code @Validated} payloads between two applications over tcp: a
 * payload that breaks a constraint gets a bad-payload error naming each violation and
 * never reaches the handler.
 */
class CommValidationIntegrationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations
		.of(JacksonAutoConfiguration.class, ValidationAutoConfiguration.class, CommAutoConfiguration.class));

	@Test
	void invalidPayloadsAreRefusedWithEveryViolationAndValidOnesReachTheHandler() {
		this.runner.withUserConfiguration(OrderHandlers.class)
			.withPropertyValues("spring.application.name=server", "comm.listeners.main.uri=tcp://127.0.0.1:0")
			.run((server) -> withClient(server, (comm) -> {
				OrderHandlers handlers = server.getBean(OrderHandlers.class);
				assertThat(comm.request("orders.place", new Order("tea", 2), String.class)).isEqualTo("2 x tea");
				assertThatExceptionOfType(CommRemoteException.class)
					.isThrownBy(() -> comm.request("orders.place", new Order(" ", 0), String.class))
					.satisfies((ex) -> assertThat(ex.getKind()).isEqualTo(CommErrorKind.BAD_PAYLOAD))
					.withMessageContaining("item must not be blank")
					.withMessageContaining("quantity must be greater than 0");
				assertThat(handlers.placed).hasValue(1);
				// @Validated with a group checks that group's constraints only
				assertThatExceptionOfType(CommRemoteException.class)
					.isThrownBy(() -> comm.request("orders.strict", new Order("tea", 0), String.class))
					.withMessageContaining("strictItem size must be between 5")
					.withMessageNotContaining("quantity");
				assertThat(comm.request("orders.strict", new Order("green tea", 0), String.class)).isEqualTo("strict");
			}));
	}

	@Test
	void withoutAValidatorTheAnnotationsChangeNothing() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, CommAutoConfiguration.class))
			.withUserConfiguration(OrderHandlers.class)
			.withPropertyValues("spring.application.name=server", "comm.listeners.main.uri=tcp://127.0.0.1:0")
			.run((server) -> withClient(server,
					(comm) -> assertThat(comm.request("orders.place", new Order(" ", 0), String.class))
						.isEqualTo("0 x  ")));
	}

	private void withClient(ConfigurableApplicationContext server, java.util.function.Consumer<CommClient> test) {
		String uri = server.getEnvironment().getProperty("local.comm.listeners.main.uri");
		this.runner
			.withPropertyValues("spring.application.name=client", "comm.connectors.server.uri=" + uri,
					"comm.connectors.server.request-timeout=5s")
			.run((client) -> test.accept(client.getBean(CommClient.class)));
	}

	/** Checks of the strict group only. */
	interface Strict {

	}

	record Order(@NotBlank String item, @Positive int quantity,
			@jakarta.validation.constraints.Size(min = 5, groups = Strict.class) String strictItem) {

		Order(String item, int quantity) {
			this(item, quantity, item);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OrderHandlers {

		final AtomicInteger placed = new AtomicInteger();

		@CommHandler("orders.place")
		String place(@Valid Order order) {
			this.placed.incrementAndGet();
			return order.quantity() + " x " + order.item();
		}

		@CommHandler("orders.strict")
		String strict(@Validated(Strict.class) Order order) {
			return "strict";
		}

	}

}
