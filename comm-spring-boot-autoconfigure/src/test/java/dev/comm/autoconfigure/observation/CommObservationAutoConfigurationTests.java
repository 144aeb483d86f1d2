package dev.comm.autoconfigure.observation;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.comm.autoconfigure.CommAutoConfiguration;
import dev.comm.client.CommClient;
import dev.comm.handler.CommHandler;
import dev.comm.internal.client.TargetResources;
import dev.comm.internal.handler.RouteDispatcher;
import dev.comm.internal.observation.CallObserver;
import dev.comm.internal.observation.HandlerObserver;
import dev.comm.internal.observation.MicrometerCallObserver;
import dev.comm.internal.observation.ObservingInboundHandler;
import dev.comm.internal.session.LinkSettings;
import dev.comm.observation.CommServerContext;
import dev.comm.observation.DefaultCommServerObservationConvention;

import static org.assertj.core.api.Assertions.assertThat;

class CommObservationAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations
		.of(JacksonAutoConfiguration.class, CommAutoConfiguration.class, CommObservationAutoConfiguration.class));

	@Test
	void withoutARegistryCallsAndHandlersAreNotObserved() {
		this.runner.run((context) -> {
			assertThat(context).doesNotHaveBean(CallObserver.class).doesNotHaveBean(HandlerObserver.class);
			assertThat(context.getBean(TargetResources.class).observer()).isSameAs(CallObserver.NONE);
			assertThat(context.getBean(LinkSettings.class).handler()).isInstanceOf(RouteDispatcher.class);
		});
	}

	@Test
	void withoutMicrometerOnTheClasspathCommRunsAsBefore() {
		this.runner.withClassLoader(new FilteredClassLoader(ObservationRegistry.class))
			.withBean(ObservationRegistry.class, ObservationRegistry::create)
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(CallObserver.class);
				assertThat(context.getBean(TargetResources.class).observer()).isSameAs(CallObserver.NONE);
			});
	}

	@Test
	void aRegistryObservesCallsAndHandlers() {
		this.runner.withBean(ObservationRegistry.class, ObservationRegistry::create).run((context) -> {
			assertThat(context.getBean(TargetResources.class).observer()).isInstanceOf(MicrometerCallObserver.class);
			assertThat(context.getBean(LinkSettings.class).handler()).isInstanceOf(ObservingInboundHandler.class);
		});
	}

	@Test
	void aConventionBeanReplacesTheDefaultNamesAndKeys() {
		TestObservationRegistry registry = TestObservationRegistry.create();
		this.runner.withBean(ObservationRegistry.class, () -> registry)
			.withUserConfiguration(CustomConvention.class)
			.withPropertyValues("comm.listeners.main.uri=inproc://observed-convention",
					"comm.connectors.self.uri=inproc://observed-convention")
			.run((context) -> {
				CommClient comm = context.getBean(CommClient.class);
				assertThat(comm.to("self").request("shout", "hi", String.class)).isEqualTo("HI");
				assertThat(registry).hasObservationWithNameEqualTo("custom.server")
					.that()
					.hasLowCardinalityKeyValue("team", "billing")
					.hasBeenStopped();
				assertThat(registry).hasObservationWithNameEqualTo("comm.client.requests")
					.that()
					.hasLowCardinalityKeyValue("route", "shout")
					.hasLowCardinalityKeyValue("transport", "inproc");
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class CustomConvention {

		@Bean
		DefaultCommServerObservationConvention teamConvention() {
			return new DefaultCommServerObservationConvention() {

				@Override
				public String getName() {
					return "custom.server";
				}

				@Override
				public KeyValues getLowCardinalityKeyValues(CommServerContext context) {
					return super.getLowCardinalityKeyValues(context).and("team", "billing");
				}

			};
		}

		@Bean
		Handlers handlers() {
			return new Handlers();
		}

	}

	static class Handlers {

		@CommHandler("shout")
		String shout(String text) {
			return text.toUpperCase();
		}

	}

}
