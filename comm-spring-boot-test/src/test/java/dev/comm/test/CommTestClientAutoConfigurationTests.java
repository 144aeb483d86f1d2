package dev.comm.test;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.comm.CommNoRouteException;
import dev.comm.autoconfigure.CommAutoConfiguration;
import dev.comm.handler.CommHandler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * When the {@link CommTestClient} exists, and what it reaches.
 */
class CommTestClientAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations
		.of(JacksonAutoConfiguration.class, CommAutoConfiguration.class, CommTestClientAutoConfiguration.class));

	@Test
	void anApplicationWithoutListenersIsReachedThroughTheTestClient() {
		this.runner.withUserConfiguration(Echo.class).run((context) -> {
			CommTestClient comm = context.getBean(CommTestClient.class);
			assertThat(comm.request("echo", "hi", String.class)).isEqualTo("hi");
			assertThatExceptionOfType(CommNoRouteException.class)
				.isThrownBy(() -> comm.withTimeout(Duration.ofSeconds(30)).request("nope", "hi", String.class));
		});
	}

	@Test
	void backsOffWithoutComm() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(CommTestClientAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(CommTestClient.class));
	}

	@Test
	void backsOffToTheApplicationsOwnTestClient() {
		this.runner.withUserConfiguration(OwnClient.class)
			.run((context) -> assertThat(context.getBean(CommTestClient.class).clientId()).isEqualTo("mine"));
	}

	@Configuration(proxyBeanMethods = false)
	static class Echo {

		@CommHandler("echo")
		String echo(String text) {
			return text;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnClient {

		@Bean
		CommTestClient myTestClient(CommTestEndpoint endpoint) {
			return new CommTestClient(endpoint, "mine", endpoint.target("mine"));
		}

	}

}
