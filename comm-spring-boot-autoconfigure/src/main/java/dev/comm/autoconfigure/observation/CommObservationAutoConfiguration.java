package dev.comm.autoconfigure.observation;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import dev.comm.internal.handler.RouteTable;
import dev.comm.internal.observation.CallObserver;
import dev.comm.internal.observation.HandlerObserver;
import dev.comm.internal.observation.MicrometerCallObserver;
import dev.comm.internal.observation.ObservingInboundHandler;
import dev.comm.internal.observation.ObservingStreamHandler;
import dev.comm.internal.observation.ServerObservationStarter;
import dev.comm.internal.session.InboundHandler;
import dev.comm.internal.stream.StreamHandler;
import dev.comm.observation.CommClientObservationConvention;
import dev.comm.observation.CommServerObservationConvention;

/**
 * Micrometer Observation of comm's calls, when an {@link ObservationRegistry} bean exists
 * (Spring Boot makes one with Actuator): {@code comm.client.requests} around every call
 * and stream this process sends and {@code comm.server.requests} around every message and
 * stream its handlers serve. Spring Boot turns them into timers, and with Micrometer
 * Tracing into spans whose context travels in the messages. A
 * {@link CommClientObservationConvention} or {@link CommServerObservationConvention} bean
 * replaces the default names and keys; {@code management.observations.enable.comm=false}
 * turns them off.
 */
@AutoConfiguration(
		afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass(ObservationRegistry.class)
@ConditionalOnBean(ObservationRegistry.class)
public final class CommObservationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	CallObserver commCallObserver(ObservationRegistry registry,
			ObjectProvider<CommClientObservationConvention> convention) {
		return new MicrometerCallObserver(registry, convention.getIfUnique());
	}

	@Bean
	@ConditionalOnMissingBean(name = "commHandlerObserver")
	HandlerObserver commHandlerObserver(ObservationRegistry registry,
			ObjectProvider<CommServerObservationConvention> convention, ObjectProvider<RouteTable> routes) {
		// the route table is looked up once, when the links' handlers are wrapped, not
		// per message
		return new HandlerObserver() {

			@Override
			public InboundHandler observe(InboundHandler handler) {
				return new ObservingInboundHandler(handler, starter());
			}

			@Override
			public StreamHandler observeStreams(StreamHandler handler) {
				return new ObservingStreamHandler(handler, starter());
			}

			private ServerObservationStarter starter() {
				return new ServerObservationStarter(registry, convention.getIfUnique(), routes.getObject()::isMapped);
			}

		};
	}

}
