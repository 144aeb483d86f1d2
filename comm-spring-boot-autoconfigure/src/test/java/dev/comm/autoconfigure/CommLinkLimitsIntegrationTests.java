package dev.comm.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import dev.comm.internal.client.DefaultCommConnector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code comm.limits.*} bound and applied to the listeners of real applications over TCP:
 * a client application's connectors beyond a listener's limit are refused with a reason
 * that names the property.
 */
class CommLinkLimitsIntegrationTests {

	private final List<ConfigurableApplicationContext> applications = new ArrayList<>();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, CommAutoConfiguration.class));

	@AfterEach
	void closeApplications() {
		for (int i = this.applications.size() - 1; i >= 0; i--) {
			this.applications.get(i).close();
		}
	}

	@Test
	void defaultsBoundTheLinksPerListenerAndLeaveClientIdsUnbounded() {
		this.runner.run((context) -> {
			CommLimitsProperties limits = context.getBean(CommProperties.class).getLimits();
			assertThat(limits.getLinksPerListener()).isEqualTo(10_000);
			assertThat(limits.getLinksPerClientId()).isZero();
		});
	}

	@Test
	void propertiesBind() {
		this.runner.withPropertyValues("comm.limits.links-per-listener=7", "comm.limits.links-per-client-id=3")
			.run((context) -> {
				CommLimitsProperties limits = context.getBean(CommProperties.class).getLimits();
				assertThat(limits.getLinksPerListener()).isEqualTo(7);
				assertThat(limits.getLinksPerClientId()).isEqualTo(3);
			});
	}

	@Test
	void aListenersLinksPerListenerRefusesTheSecondConnectorNamingTheProperty() {
		String uri = listenerUri(
				start("server", "comm.listeners.main.uri=tcp://127.0.0.1:0", "comm.limits.links-per-listener=1"));
		// two client ids, so that only the listener's own bound can refuse
		ConfigurableApplicationContext first = start("first", "comm.connectors.server.uri=" + uri);
		ConfigurableApplicationContext second = start("second", "comm.connectors.server.uri=" + uri);

		assertExactlyOneConnectedAndOneRefused(List.of(connector(first), connector(second)),
				"comm.limits.links-per-listener");
	}

	@Test
	void aListenersLinksPerClientIdRefusesTheSecondLinkOfOneClientIdNamingTheProperty() {
		String uri = listenerUri(
				start("server", "comm.listeners.main.uri=tcp://127.0.0.1:0", "comm.limits.links-per-client-id=1"));
		ConfigurableApplicationContext client = start("twice", "comm.connectors.a.uri=" + uri,
				"comm.connectors.b.uri=" + uri);
		ConfigurableApplicationContext other = start("other", "comm.connectors.server.uri=" + uri);

		assertExactlyOneConnectedAndOneRefused(client.getBeansOfType(DefaultCommConnector.class).values(),
				"comm.limits.links-per-client-id");
		await().atMost(Duration.ofSeconds(10)).until(connector(other)::isConnected);
	}

	private static void assertExactlyOneConnectedAndOneRefused(Collection<DefaultCommConnector> connectors,
			String limit) {
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(connectors).filteredOn(DefaultCommConnector::isConnected).hasSize(1);
			assertThat(connectors).filteredOn((connector) -> !connector.isConnected())
				.singleElement()
				.satisfies((refused) -> assertThat(refused.status().lastFailure()).contains(limit));
		});
	}

	private static DefaultCommConnector connector(ConfigurableApplicationContext context) {
		return context.getBean(DefaultCommConnector.class);
	}

	private ConfigurableApplicationContext start(String name, String... properties) {
		List<String> all = new ArrayList<>(List.of(properties));
		all.add("spring.application.name=" + name);
		ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
			.properties(all.toArray(String[]::new))
			.run();
		this.applications.add(context);
		return context;
	}

	private static String listenerUri(ConfigurableApplicationContext context) {
		return context.getEnvironment().getProperty("local.comm.listeners.main.uri");
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ JacksonAutoConfiguration.class, CommAutoConfiguration.class })
	static class App {

	}

}
