package dev.comm.autoconfigure;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.NestedExceptionUtils;

import dev.comm.client.CommClient;
import dev.comm.codec.JacksonPayloadCodec;
import dev.comm.codec.PayloadCodec;
import dev.comm.endpoint.CommConnector;
import dev.comm.endpoint.CommListener;
import dev.comm.handler.CommHandler;
import dev.comm.handler.OnCommRequest;
import dev.comm.internal.client.DefaultCommConnector;
import dev.comm.internal.handler.RouteTable;
import dev.comm.internal.server.DefaultCommListener;
import dev.comm.internal.session.LinkLimits;
import dev.comm.internal.session.LinkSettings;
import dev.comm.internal.transport.tcp.TcpTransport;
import dev.comm.protocol.Features;
import dev.comm.transport.TransportRegistry;
import dev.comm.transport.TransportSettings;

import static org.assertj.core.api.Assertions.assertThat;

class CommAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, CommAutoConfiguration.class));

	@Test
	void defaultsProvideAClientTheBuiltInTransportsAndSensibleLimits() {
		this.runner.withPropertyValues("spring.application.name=orders").run((context) -> {
			assertThat(context).hasSingleBean(CommClient.class).hasSingleBean(RouteTable.class);
			assertThat(context.getBean(TransportRegistry.class).schemes()).containsExactlyInAnyOrder("tcp", "tls",
					"unix", "local", "inproc", "ws", "wss", "amqp", "amqps");
			LinkSettings settings = context.getBean(LinkSettings.class);
			assertThat(settings.clientId()).isEqualTo("orders");
			assertThat(context.getBean(TransportSettings.class).maxFrameSize()).isEqualTo(16 * 1024 * 1024);
			assertThat(settings.handshakeTimeout()).isEqualTo(Duration.ofSeconds(10));
			assertThat(settings.heartbeatInterval()).isEqualTo(Duration.ofSeconds(15));
			assertThat(context).doesNotHaveBean(DefaultCommListener.class).doesNotHaveBean(DefaultCommConnector.class);
		});
	}

	@Test
	void payloadCodecUsesTheApplicationsJsonMapper() {
		this.runner
			.run((context) -> assertThat(context.getBean(PayloadCodec.class)).isInstanceOf(JacksonPayloadCodec.class));
	}

	@Test
	void payloadCodecWorksWithoutSpringBootsJackson() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(CommAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader(JacksonAutoConfiguration.class))
			.run((context) -> assertThat(context.getBean(PayloadCodec.class)).isInstanceOf(JacksonPayloadCodec.class));
	}

	@Test
	void clientIdFallsBackToHostAndProcessWithoutAnApplicationName() {
		this.runner.run((context) -> assertThat(context.getBean(LinkSettings.class).clientId())
			.endsWith("-" + ProcessHandle.current().pid()));
	}

	@Test
	void backsOffToUserBeans() {
		this.runner.withUserConfiguration(UserBeans.class).run((context) -> {
			assertThat(context.getBean(PayloadCodec.class)).isSameAs(UserBeans.CODEC);
			assertThat(context.getBean(TcpTransport.class)).isSameAs(context.getBean("userTcp"));
			assertThat(context).hasSingleBean(TcpTransport.class);
		});
	}

	@Test
	void eachPropertyReachesTheSettings() {
		this.runner
			.withPropertyValues("comm.client-id=worker-7", "comm.max-frame-size=2MB", "comm.handshake-timeout=3s",
					"comm.heartbeat-interval=0s", "comm.request-timeout=4s")
			.run((context) -> {
				LinkSettings settings = context.getBean(LinkSettings.class);
				assertThat(settings.clientId()).isEqualTo("worker-7");
				assertThat(context.getBean(TransportSettings.class).maxFrameSize()).isEqualTo(2 * 1024 * 1024);
				assertThat(settings.handshakeTimeout()).isEqualTo(Duration.ofSeconds(3));
				assertThat(settings.heartbeatInterval()).isZero();
			});
	}

	@Test
	void listenersAndConnectorsBecomeNamedBeans() {
		this.runner
			.withPropertyValues("comm.listeners.local.uri=inproc://auto-config-beans",
					"comm.connectors.self.uri=inproc://auto-config-beans", "comm.connectors.self.request-timeout=2s",
					"comm.connectors.self.reconnect.initial-delay=50ms", "comm.connectors.self.reconnect.max-delay=1s")
			.run((context) -> {
				assertThat(context.getBean("localCommListener", DefaultCommListener.class).address())
					.hasToString("inproc://auto-config-beans");
				assertThat(context.getBean("selfCommConnector", DefaultCommConnector.class).address())
					.hasToString("inproc://auto-config-beans");
				assertThat(context.getBean(CommClient.class).connectorNames()).containsExactly("self");
				assertThat(context.getEnvironment().getProperty("local.comm.listeners.local.uri"))
					.isEqualTo("inproc://auto-config-beans");
			});
	}

	@Test
	void listenerOnPortZeroPublishesTheBoundPort() {
		this.runner.withPropertyValues("comm.listeners.public.uri=tcp://127.0.0.1:0").run((context) -> {
			Integer port = context.getEnvironment().getProperty("local.comm.listeners.public.port", Integer.class);
			assertThat(port).isPositive();
			assertThat(context.getBean(DefaultCommListener.class).address().port()).isEqualTo(port);
		});
	}

	@Test
	void switchingATransportOffRemovesItsScheme() {
		this.runner.withPropertyValues("comm.transports.tcp=false").run((context) -> {
			assertThat(context).doesNotHaveBean(TcpTransport.class);
			assertThat(context.getBean(TransportRegistry.class).schemes()).containsExactlyInAnyOrder("unix", "local",
					"inproc", "ws", "wss", "amqp", "amqps");
		});
	}

	@Test
	void handlerMethodsFillTheRouteTable() {
		this.runner.withUserConfiguration(Handlers.class).run((context) -> {
			RouteTable routes = context.getBean(RouteTable.class);
			assertThat(routes.routes()).containsExactly("orders.create", "orders.get");
			assertThat(routes.find("anything.else")).isNotNull();
		});
	}

	@Test
	void connectTimeoutIsTenSecondsUnlessSet() {
		this.runner.run((context) -> assertThat(context.getBean(TransportSettings.class).connectTimeout())
			.isEqualTo(Duration.ofSeconds(10)));
		this.runner.withPropertyValues("comm.connect-timeout=1500ms")
			.run((context) -> assertThat(context.getBean(TransportSettings.class).connectTimeout())
				.isEqualTo(Duration.ofMillis(1500)));
	}

	@Test
	void connectTimeoutThatIsNotPositiveFailsStartupNamingTheProperty() {
		this.runner.withPropertyValues("comm.connect-timeout=0s").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
				.hasMessage("comm.connect-timeout must be a positive duration, not PT0S");
		});
	}

	@Test
	void limitsDefaultAndAreSetByProperties() {
		this.runner.run((context) -> {
			assertThat(context.getBean(LinkSettings.class).limits()).isEqualTo(LinkLimits.DEFAULTS);
			assertThat(context.getBean(TransportSettings.class).throwsInFlight())
				.isEqualTo(TransportSettings.DEFAULT_THROWS_IN_FLIGHT);
		});
		this.runner.withPropertyValues("comm.limits.requests-in-flight=8", "comm.limits.throws-in-flight=100")
			.run((context) -> {
				assertThat(context.getBean(LinkSettings.class).limits().requestsInFlight()).isEqualTo(8);
				assertThat(context.getBean(TransportSettings.class).throwsInFlight()).isEqualTo(100);
			});
	}

	@Test
	void linksOfferStreamsUnlessDisabled() {
		this.runner.run((context) -> {
			LinkSettings settings = context.getBean(LinkSettings.class);
			assertThat(settings.features()).contains(Features.STREAM);
			assertThat(settings.extensions()).singleElement()
				.satisfies((extension) -> assertThat(extension.feature()).isEqualTo(Features.STREAM));
		});
		this.runner.withPropertyValues("comm.streams.enabled=false").run((context) -> {
			LinkSettings settings = context.getBean(LinkSettings.class);
			assertThat(settings.features()).doesNotContain(Features.STREAM);
			assertThat(settings.extensions()).isEmpty();
		});
	}

	@Test
	void streamSettingsBelowOneFailStartupNamingTheProperty() {
		for (String property : new String[] { "comm.streams.window", "comm.streams.max-per-link" }) {
			this.runner.withPropertyValues(property + "=0").run((context) -> {
				assertThat(context).hasFailed();
				assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
					.hasMessage(property + " must be at least 1, not 0");
			});
		}
	}

	@Test
	void limitsBelowOneFailStartupNamingTheProperty() {
		for (String property : new String[] { "comm.limits.requests-in-flight", "comm.limits.throws-in-flight" }) {
			this.runner.withPropertyValues(property + "=0").run((context) -> {
				assertThat(context).hasFailed();
				assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
					.hasMessage(property + " must be at least 1, not 0");
			});
		}
	}

	@Test
	void handlerThreadsBelowOneFailStartupNamingTheProperty() {
		this.runner.withPropertyValues("comm.handler-threads=0").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
				.hasMessage("comm.handler-threads must be at least 1, not 0");
		});
	}

	@Test
	void propertiesAreValidatedAlsoWhenTheApplicationReplacesTheBeansThatReadThem() {
		this.runner.withUserConfiguration(UserSettings.class)
			.withPropertyValues("comm.max-frame-size=10B")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
					.hasMessage("comm.max-frame-size must be between 1KB and 2GB, not 10B");
			});
	}

	@Test
	void theEndpointModelIsOneBeanBuiltFromTheProperties() {
		this.runner
			.withPropertyValues("comm.listeners.main.uri=inproc://model-bean",
					"comm.connectors.workers.uris=inproc://model-bean,inproc://model-bean")
			.run((context) -> {
				CommEndpoints endpoints = context.getBean(CommEndpoints.class);
				assertThat(endpoints.listener("main").address())
					.isEqualTo(context.getBean(CommListener.class).address());
				assertThat(endpoints.connectorBeanNames())
					.containsExactlyInAnyOrder(context.getBeanNamesForType(CommConnector.class));
				assertThat(context.getBeanFactory().getDependentBeans(CommEndpoints.BEAN_NAME)).contains("commClient");
			});
	}

	@Test
	void duplicateRouteFailsStartupNamingBothMethods() {
		this.runner.withUserConfiguration(Handlers.class, DuplicateHandlers.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
				.hasMessageContaining("Route 'orders.create' is mapped twice")
				.hasMessageContaining("OrderHandlers.create")
				.hasMessageContaining("OtherOrderHandlers.alsoCreate");
		});
	}

	@Test
	void unknownSchemeFailsListingTheKnownOnes() {
		this.runner.withPropertyValues("comm.connectors.billing.uri=smtp://billing:25").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
				.hasMessageContaining("smtp://billing:25")
				.hasMessageContaining("[tcp, tls, unix, local, inproc, ws, wss, amqp, amqps]");
		});
	}

	@Test
	void connectorWithoutUriFailsNamingTheProperty() {
		this.runner.withPropertyValues("comm.connectors.billing.request-timeout=5s").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
				.hasMessageContaining("comm.connectors.billing.uri is required");
		});
	}

	@Test
	void nonPositiveRequestTimeoutFailsClearly() {
		this.runner.withPropertyValues("comm.request-timeout=0s").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
				.hasMessageContaining("comm.request-timeout must be a positive duration");
		});
	}

	@Test
	void tinyMaxFrameSizeFailsClearly() {
		this.runner.withPropertyValues("comm.max-frame-size=10B").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
				.hasMessageContaining("comm.max-frame-size");
		});
	}

	@Test
	void reconnectMaxShorterThanInitialFailsClearly() {
		this.runner.withPropertyValues("comm.connectors.billing.uri=tcp://127.0.0.1:1",
				"comm.connectors.billing.reconnect.initial-delay=5s", "comm.connectors.billing.reconnect.max-delay=1s")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
					.hasMessageContaining("comm.connectors.billing.reconnect.max-delay");
			});
	}

	@Test
	void listenerOnATakenAddressFailsStartup() {
		this.runner.withPropertyValues("comm.listeners.a.uri=inproc://taken", "comm.listeners.b.uri=inproc://taken")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
					.hasMessageContaining("inproc://taken");
			});
	}

	@Test
	void userSchedulerReplacesTheDefault() {
		this.runner.withUserConfiguration(UserScheduler.class)
			.run((context) -> assertThat(context.getBean("commScheduler")).isSameAs(UserScheduler.SCHEDULER));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserBeans {

		static final PayloadCodec CODEC = new JacksonPayloadCodec();

		@Bean
		PayloadCodec userCodec() {
			return CODEC;
		}

		@Bean(destroyMethod = "close")
		TcpTransport userTcp() {
			return new TcpTransport();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserSettings {

		@Bean
		TransportSettings userTransportSettings() {
			return TransportSettings.defaults();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserScheduler {

		static final ScheduledExecutorService SCHEDULER = java.util.concurrent.Executors.newScheduledThreadPool(1);

		@Bean
		ScheduledExecutorService commScheduler() {
			return SCHEDULER;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Handlers {

		@Bean
		OrderHandlers orderHandlers() {
			return new OrderHandlers();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class DuplicateHandlers {

		@Bean
		OtherOrderHandlers otherOrderHandlers() {
			return new OtherOrderHandlers();
		}

	}

	static class OrderHandlers {

		@CommHandler("orders.create")
		String create(String order) {
			return order;
		}

		@CommHandler("orders.get")
		String get(String id) {
			return id;
		}

		@OnCommRequest
		Object fallback(dev.comm.handler.CommMessage message) {
			return message.getRoute();
		}

	}

	static class OtherOrderHandlers {

		@CommHandler("orders.create")
		String alsoCreate(String order) {
			return order;
		}

	}

}
