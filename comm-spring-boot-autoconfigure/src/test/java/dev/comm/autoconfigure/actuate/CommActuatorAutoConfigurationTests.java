package dev.comm.autoconfigure.actuate;

import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.comm.autoconfigure.CommAutoConfiguration;
import dev.comm.client.CommClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * comm's Actuator parts are there when Actuator is, and nothing else depends on them.
 */
class CommActuatorAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, CommAutoConfiguration.class,
				CommHealthAutoConfiguration.class, CommEndpointAutoConfiguration.class))
		.withPropertyValues("comm.listeners.main.uri=inproc://actuated");

	@Test
	void withActuatorTheHealthContributorIsThereAndTheEndpointOnlyWhenExposed() {
		this.runner.run((context) -> {
			assertThat(context).hasBean("commHealthContributor");
			assertThat(context).doesNotHaveBean(CommEndpoint.class);
		});
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=comm")
			.run((context) -> assertThat(context).hasSingleBean(CommEndpoint.class));
	}

	@Test
	void theHealthContributorCanBeTurnedOff() {
		this.runner.withPropertyValues("management.health.comm.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("commHealthContributor"));
	}

	@Test
	void withoutActuatorCommRunsAsBefore() {
		this.runner.withClassLoader(new FilteredClassLoader(HealthContributor.class, Endpoint.class))
			.withPropertyValues("management.endpoints.web.exposure.include=comm")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).hasSingleBean(CommClient.class);
				assertThat(context).doesNotHaveBean("commHealthContributor");
				assertThat(context).doesNotHaveBean(CommEndpoint.class);
			});
	}

}
