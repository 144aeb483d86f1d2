package dev.comm.autoconfigure.observation;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;

import dev.comm.autoconfigure.CommAutoConfiguration;
import dev.comm.client.CommClient;
import dev.comm.internal.client.DefaultCommConnector;
import dev.comm.internal.server.DefaultCommListener;
import dev.comm.observation.CommMeterObservationHandler;

/**
 * comm's meters, when Micrometer's metrics are in use: the timers of its observations and
 * gauges of open links, requests being served and what waits for absent peers, per
 * listener and connector. Spring Boot binds the gauges to every meter registry.
 */
@AutoConfiguration(after = CommAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass(MeterBinder.class)
@ConditionalOnBean({ MeterRegistry.class, CommClient.class })
public final class CommMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "commMeterBinder")
	MeterBinder commMeterBinder(ObjectProvider<DefaultCommListener> listeners,
			ObjectProvider<DefaultCommConnector> connectors) {
		return new CommMeterBinder(listeners, connectors);
	}

	/**
	 * Times comm's observations ahead of Spring Boot's default meter handler, which comes
	 * last in the same first-matching group and still times every other observation.
	 */
	@Bean
	@Order(0)
	@ConditionalOnMissingBean
	CommMeterObservationHandler commMeterObservationHandler(MeterRegistry registry) {
		return new CommMeterObservationHandler(registry);
	}

}
