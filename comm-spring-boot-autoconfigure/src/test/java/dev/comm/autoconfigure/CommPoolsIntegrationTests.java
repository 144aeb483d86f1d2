package dev.comm.autoconfigure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.env.Environment;

import dev.comm.client.CommClient;
import dev.comm.client.CommPool;
import dev.comm.client.CommReply;
import dev.comm.handler.CommHandler;
import dev.comm.internal.client.DefaultCommConnector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Pools configured by properties in real applications over TCP: a connector with several
 * URIs, a listener's peers with connect and disconnect events, and a pool that mixes
 * accepted peers with dialled connectors.
 */
class CommPoolsIntegrationTests {

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
	void connectorWithSeveralUrisIsARoundRobinPoolThatCanBroadcast() {
		List<String> uris = new ArrayList<>();
		for (String name : List.of("w1", "w2", "w3")) {
			uris.add(listenerUri(start(name, "comm.listeners.main.uri=tcp://127.0.0.1:0")));
		}
		ConfigurableApplicationContext scheduler = start("scheduler",
				"comm.connectors.workers.uris=" + String.join(",", uris),
				"comm.connectors.workers.strategy=round-robin", "comm.connectors.workers.request-timeout=5s");
		CommPool workers = scheduler.getBean(CommClient.class).to("workers");
		await("the three workers to connect").until(() -> workers.memberIds().size() == 3);

		Map<String, Integer> counts = new HashMap<>();
		for (int i = 0; i < 30; i++) {
			counts.merge(workers.request("whoami", null, String.class), 1, Integer::sum);
		}
		List<CommReply<String>> replies = workers.broadcast("whoami", null, String.class);

		assertThat(counts).containsOnly(Map.entry("w1", 10), Map.entry("w2", 10), Map.entry("w3", 10));
		assertThat(replies).extracting(CommReply::value).containsExactly("w1", "w2", "w3");
		assertThat(replies).extracting(CommReply::memberId).containsExactlyElementsOf(uris);
		assertThat(scheduler.getBeansOfType(DefaultCommConnector.class)).containsOnlyKeys("workersCommConnector1",
				"workersCommConnector2", "workersCommConnector3");
		assertThat(scheduler.getBean("workersCommPool")).isSameAs(workers);
	}

	@Test
	void listenerPeersAreAPoolAndTheirConnectionsArePublishedAsEvents() {
		ConfigurableApplicationContext server = start("server", "comm.listeners.main.uri=tcp://127.0.0.1:0");
		String uri = listenerUri(server);
		ConfigurableApplicationContext first = start("worker-a", "comm.connectors.server.uri=" + uri);
		start("worker-b", "comm.connectors.server.uri=" + uri);
		CommPool peers = server.getBean(CommClient.class).peers("main");
		await("both workers to connect").until(() -> peers.memberIds().size() == 2);

		assertThat(peers.broadcast("whoami", null, String.class)).extracting(CommReply::value)
			.containsExactlyInAnyOrder("worker-a", "worker-b");
		assertThat(peers.member("worker-b").request("whoami", null, String.class)).isEqualTo("worker-b");

		first.close();
		PeerEvents events = server.getBean(PeerEvents.class);
		await("the disconnect event").until(() -> events.seen.contains("disconnected worker-a on main"));
		assertThat(events.seen).containsExactlyInAnyOrder("connected worker-a on main", "connected worker-b on main",
				"disconnected worker-a on main");
		assertThat(peers.memberIds()).containsExactly("worker-b");
	}

	@Test
	void configuredPoolMixesAcceptedPeersAndDialledConnectors() {
		ConfigurableApplicationContext dialled = start("dialled", "comm.listeners.main.uri=tcp://127.0.0.1:0");
		ConfigurableApplicationContext hub = start("hub", "comm.listeners.inbound.uri=tcp://127.0.0.1:0",
				"comm.connectors.outbound.uri=" + listenerUri(dialled), "comm.pools.everyone.listeners=inbound",
				"comm.pools.everyone.connectors=outbound", "comm.pools.everyone.request-timeout=5s");
		start("accepted", "comm.connectors.hub.uri=" + listenerUri(hub));
		CommPool everyone = hub.getBean(CommClient.class).to("everyone");
		await("both members to join").until(() -> everyone.memberIds().size() == 2);

		assertThat(everyone.broadcast("whoami", null, String.class)).extracting(CommReply::value)
			.containsExactly("accepted", "dialled");
		assertThat(everyone.memberIds()).containsExactly("accepted", listenerUri(dialled));
	}

	@Test
	void unknownStrategyFailsNamingThePropertyAndTheKnownOnes() {
		this.runner
			.withPropertyValues("comm.connectors.workers.uris=tcp://127.0.0.1:1,tcp://127.0.0.1:2",
					"comm.connectors.workers.strategy=fastest")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
					.hasMessageContaining("comm.connectors.workers.strategy")
					.hasMessageContaining("[random, round-robin]");
			});
	}

	@Test
	void poolNamingAnUnknownListenerFailsNamingTheKnownOnes() {
		this.runner.withPropertyValues("comm.listeners.main.uri=tcp://127.0.0.1:0", "comm.pools.all.listeners=mian")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
					.hasMessageContaining("comm.pools.all.listeners names 'mian'")
					.hasMessageContaining("[main]");
			});
	}

	@Test
	void connectorWithBothUriAndUrisFails() {
		this.runner
			.withPropertyValues("comm.connectors.workers.uri=tcp://127.0.0.1:1",
					"comm.connectors.workers.uris=tcp://127.0.0.1:2")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
					.hasMessageContaining("are both set");
			});
	}

	@Test
	void negativeResumeWindowFailsNamingTheProperty() {
		this.runner.withPropertyValues("comm.sessions.resume-window=-1s").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
				.hasMessageContaining("comm.sessions.resume-window");
		});
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
		Environment environment = context.getEnvironment();
		String uri = environment.getProperty("local.comm.listeners.main.uri");
		return (uri != null) ? uri : environment.getProperty("local.comm.listeners.inbound.uri");
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ JacksonAutoConfiguration.class, CommAutoConfiguration.class })
	static class App {

		@Bean
		WhoAmI whoAmI(Environment environment) {
			return new WhoAmI(environment.getProperty("spring.application.name"));
		}

		@Bean
		PeerEvents peerEvents() {
			return new PeerEvents();
		}

	}

	static class WhoAmI {

		private final String name;

		WhoAmI(String name) {
			this.name = name;
		}

		@CommHandler("whoami")
		String whoami() {
			return this.name;
		}

	}

	static class PeerEvents {

		final List<String> seen = new CopyOnWriteArrayList<>();

		@EventListener
		void connected(CommPeerConnectedEvent event) {
			this.seen.add("connected " + event.getClientId() + " on " + event.getListenerName());
		}

		@EventListener
		void disconnected(CommPeerDisconnectedEvent event) {
			this.seen.add("disconnected " + event.getClientId() + " on " + event.getListenerName());
		}

	}

}
