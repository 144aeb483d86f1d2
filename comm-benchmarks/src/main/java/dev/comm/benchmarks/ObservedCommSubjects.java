package dev.comm.benchmarks;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationHandler.FirstMatchingCompositeObservationHandler;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import dev.comm.client.CommClient;
import dev.comm.observation.CommMeterObservationHandler;

/**
 * comm over tcp with Micrometer Observation on both sides, as an application with
 * Actuator's metrics has it: a real {@link ObservationRegistry} whose default meter
 * handler times every call and every handler. Measured next to the unobserved
 * {@code comm tcp} to show what observation costs.
 */
final class ObservedCommSubjects implements AutoCloseable {

	private final ConfigurableApplicationContext server;

	private final ConfigurableApplicationContext client;

	ObservedCommSubjects() {
		this.server = CommApplications.run("observed-server", List.of(CommSubjects.QuoteHandlers.class, Metered.class),
				"--comm.listeners.tcp.uri=tcp://127.0.0.1:0");
		String port = this.server.getEnvironment().getProperty("local.comm.listeners.tcp.port");
		this.client = CommApplications.run("observed-client", List.of(Metered.class),
				"--comm.connectors.tcp.uri=tcp://127.0.0.1:" + port);
	}

	Subject subject() {
		LongAdder received = this.server.getBean(CommSubjects.QuoteHandlers.class).received;
		return new CommSubjects.CommSubject("comm tcp observed", this.client.getBean(CommClient.class).to("tcp"),
				received);
	}

	@Override
	public void close() {
		this.client.close();
		this.server.close();
	}

	/**
	 * The registry Spring Boot's metrics auto-configuration would make: timers in a meter
	 * registry from every observation, comm's meter handler first in the group of meter
	 * handlers.
	 */
	@SpringBootConfiguration(proxyBeanMethods = false)
	static class Metered {

		@Bean
		ObservationRegistry observationRegistry() {
			MeterRegistry meters = new SimpleMeterRegistry();
			ObservationRegistry registry = ObservationRegistry.create();
			registry.observationConfig()
				.observationHandler(new FirstMatchingCompositeObservationHandler(
						new CommMeterObservationHandler(meters), new DefaultMeterObservationHandler(meters)));
			return registry;
		}

	}

}
