package dev.comm.autoconfigure;

import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.NestedExceptionUtils;

import dev.comm.internal.client.DefaultCommConnector;
import dev.comm.internal.transport.amqp.AmqpTransport;
import dev.comm.transport.TransportRegistry;

import static org.assertj.core.api.Assertions.assertThat;

class CommAmqpAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, CommAutoConfiguration.class));

	@Test
	void amqpTransportIsAvailableWhenSpringAmqpIsOnTheClasspath() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(AmqpTransport.class);
			assertThat(context.getBean(TransportRegistry.class).schemes()).contains("amqp", "amqps");
		});
	}

	@Test
	void amqpTransportBacksOffWhenSpringAmqpIsAbsent() {
		this.runner.withClassLoader(new FilteredClassLoader(CachingConnectionFactory.class)).run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(AmqpTransport.class);
			assertThat(context.getBean(TransportRegistry.class).schemes()).doesNotContain("amqp", "amqps")
				.contains("tcp");
		});
	}

	@Test
	void amqpTransportCanBeSwitchedOff() {
		this.runner.withPropertyValues("comm.transports.amqp=false")
			.run((context) -> assertThat(context).doesNotHaveBean(AmqpTransport.class));
	}

	@Test
	void userAmqpTransportReplacesTheDefaultOne() {
		this.runner.withUserConfiguration(UserTransport.class)
			.run((context) -> assertThat(context.getBean(AmqpTransport.class))
				.hasToString("AmqpTransport[prefetch=7]"));
	}

	@Test
	void prefetchIsTakenFromItsProperty() {
		this.runner.withPropertyValues("comm.amqp.prefetch=3")
			.run((context) -> assertThat(context.getBean(AmqpTransport.class))
				.hasToString("AmqpTransport[prefetch=3]"));
	}

	@Test
	void prefetchBelowOneFailsNamingTheProperty() {
		this.runner.withPropertyValues("comm.amqp.prefetch=0").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
				.hasMessageContaining("comm.amqp.prefetch");
		});
	}

	@Test
	void serviceOfAConnectorIsFoldedIntoItsAmqpAddress() {
		this.runner
			.withPropertyValues("comm.transports.amqp=false", "comm.connectors.bus.uri=amqp://u:p@broker.invalid/",
					"comm.connectors.bus.service=orders")
			.withBean(AmqpTransport.class, () -> new AmqpTransport(1))
			.run((context) -> assertThat(
					context.getBean("busCommConnector", DefaultCommConnector.class).address().format())
				.isEqualTo("amqp://u:p@broker.invalid:5672/?service=orders"));
	}

	@Test
	void serviceOnANonAmqpAddressFailsNamingTheProperty() {
		this.runner
			.withPropertyValues("comm.connectors.bus.uri=tcp://127.0.0.1:1", "comm.connectors.bus.service=orders")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
					.hasMessageContaining("comm.connectors.bus.service")
					.hasMessageContaining("amqp addresses only");
			});
	}

	@Test
	void amqpEndpointWithoutAServiceFailsNamingTheProperty() {
		this.runner.withPropertyValues("comm.listeners.bus.uri=amqp://u:secret@broker.invalid/").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
				.hasMessageContaining("comm.listeners.bus.service")
				.hasMessageContaining("?service=")
				.hasMessageNotContaining("secret");
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class UserTransport {

		@Bean
		AmqpTransport userAmqpTransport() {
			return new AmqpTransport(7);
		}

	}

}
