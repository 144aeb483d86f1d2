package dev.comm.autoconfigure.actuate;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import dev.comm.autoconfigure.CommAutoConfiguration;
import dev.comm.autoconfigure.CommProperties;
import dev.comm.client.CommClient;
import dev.comm.endpoint.CommConnector;
import dev.comm.endpoint.CommListener;
import dev.comm.internal.handler.RouteTable;

/**
 * The {@code comm} Actuator endpoint, when Actuator is on the classpath and the endpoint
 * is available (exposed over HTTP only when the application says so, as every endpoint
 * but health).
 */
@AutoConfiguration(after = CommAutoConfiguration.class)
@ConditionalOnClass(Endpoint.class)
@ConditionalOnBean(CommClient.class)
@ConditionalOnAvailableEndpoint(CommEndpoint.class)
public final class CommEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	CommEndpoint commEndpoint(RouteTable routes, ObjectProvider<CommListener> listeners,
			ObjectProvider<CommConnector> connectors, CommClient client, CommProperties properties) {
		return new CommEndpoint(routes, listeners, connectors, client, List.copyOf(properties.getPools().keySet()));
	}

}
