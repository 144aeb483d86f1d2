package dev.comm.autoconfigure.actuate;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.context.annotation.Bean;

import dev.comm.autoconfigure.CommAutoConfiguration;
import dev.comm.autoconfigure.CommProperties;
import dev.comm.client.CommClient;
import dev.comm.endpoint.CommConnector;
import dev.comm.endpoint.CommListener;

/**
 * The {@code comm} health contributor, when Spring Boot's health support is on the
 * classpath: {@code listeners}, {@code connectors} and {@code pools}, one entry per
 * endpoint, each read when health is asked for. Turned off with
 * {@code management.health.comm.enabled=false}.
 */
@AutoConfiguration(after = CommAutoConfiguration.class)
@ConditionalOnClass(HealthContributor.class)
@ConditionalOnBean(CommClient.class)
@ConditionalOnEnabledHealthIndicator("comm")
@EnableConfigurationProperties(CommHealthProperties.class)
public final class CommHealthAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "commHealthContributor")
	HealthContributor commHealthContributor(ObjectProvider<CommListener> listeners,
			ObjectProvider<CommConnector> connectors, CommClient client, CommProperties properties,
			CommHealthProperties health) {
		ListenerPeers peers = new ListenerPeers();
		Map<String, HealthContributor> groups = new LinkedHashMap<>();
		Map<String, HealthContributor> byListener = new LinkedHashMap<>();
		listeners.orderedStream()
			.forEach((listener) -> byListener.put(listener.name(), new ListenerHealthIndicator(listener, peers)));
		Map<String, HealthContributor> byConnector = new LinkedHashMap<>();
		connectors.orderedStream()
			.forEach((connector) -> byConnector.put(connector.name(),
					new ConnectorHealthIndicator(connector, properties.getConnectTimeout(), health.getConnector())));
		Map<String, HealthContributor> byPool = new LinkedHashMap<>();
		properties.getPools()
			.keySet()
			.forEach((pool) -> byPool.put(pool, new PoolHealthIndicator(client.to(pool), health.getPool())));
		addGroup(groups, "listeners", byListener);
		addGroup(groups, "connectors", byConnector);
		addGroup(groups, "pools", byPool);
		return CompositeHealthContributor.fromMap(groups);
	}

	private static void addGroup(Map<String, HealthContributor> groups, String name,
			Map<String, HealthContributor> members) {
		// an empty group would show as UNKNOWN, telling nothing
		if (!members.isEmpty()) {
			groups.put(name, CompositeHealthContributor.fromMap(members));
		}
	}

}
