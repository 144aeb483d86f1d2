package dev.comm.autoconfigure;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.web.socket.WebSocketHandler;

import dev.comm.client.CommClient;
import dev.comm.internal.transport.ws.WebSocketMountHandlerMapping;
import dev.comm.internal.transport.ws.WebSocketMounts;
import dev.comm.internal.transport.ws.WebSocketTransport;
import dev.comm.transport.TransportRegistry;

import static org.assertj.core.api.Assertions.assertThat;

class CommWebSocketAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, CommAutoConfiguration.class));

	private final WebApplicationContextRunner webRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, CommAutoConfiguration.class));

	@Test
	void servletApplicationGetsTheTransportAndAMappingForItsListeners() {
		this.webRunner.run((context) -> {
			assertThat(context).hasSingleBean(WebSocketTransport.class)
				.hasSingleBean(WebSocketMounts.class)
				.hasSingleBean(WebSocketMountHandlerMapping.class);
			assertThat(context.getBean(TransportRegistry.class).schemes()).contains("ws", "wss");
		});
	}

	@Test
	void theClientAndTheMountsReadTheOneEndpointModel() {
		this.webRunner
			.withPropertyValues("comm.listeners.web.uri=ws:/comm",
					"comm.listeners.web.allowed-origins=https://app.example.test",
					"comm.connectors.billing.uri=tcp://127.0.0.1:1")
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(CommEndpoints.class);
				assertThat(context.getBeanFactory().getDependentBeans(CommEndpoints.BEAN_NAME)).contains("commClient",
						"commWebSocketMounts");
				CommEndpoints endpoints = context.getBean(CommEndpoints.class);
				assertThat(endpoints.listeners()).extracting(CommEndpoints.ListenerEndpoint::beanName)
					.containsExactly("webCommListener");
				assertThat(context.getBean(CommClient.class).connectorNames()).containsExactly("billing");
			});
	}

	@Test
	void applicationWithoutAWebServerGetsATransportThatOnlyConnects() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(WebSocketTransport.class)
				.doesNotHaveBean(WebSocketMounts.class)
				.doesNotHaveBean(WebSocketMountHandlerMapping.class);
		});
	}

	@Test
	void wsListenerInAnApplicationWithoutAWebServerFailsStartupSayingWhy() {
		this.runner.withPropertyValues("comm.listeners.web.uri=ws:/comm").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
				.hasMessageContaining("comm.listeners.web.uri")
				.hasMessageContaining("servlet web server");
		});
	}

	@Test
	void backsOffWithoutSpringWebSocket() {
		this.webRunner.withClassLoader(new FilteredClassLoader(WebSocketHandler.class)).run((context) -> {
			assertThat(context).doesNotHaveBean(WebSocketTransport.class).doesNotHaveBean(WebSocketMounts.class);
			assertThat(context.getBean(TransportRegistry.class).schemes()).doesNotContain("ws", "wss");
		});
	}

	@Test
	void wsListenerWithoutSpringWebSocketFailsStartupNamingWhatIsMissing() {
		this.webRunner.withClassLoader(new FilteredClassLoader(WebSocketHandler.class))
			.withPropertyValues("comm.listeners.web.uri=ws:/comm")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
					.hasMessageContaining("comm.listeners.web.uri")
					.hasMessageContaining("Spring WebSocket");
			});
	}

	@Test
	void transportCanBeSwitchedOff() {
		this.webRunner.withPropertyValues("comm.transports.ws=false")
			.run((context) -> assertThat(context).doesNotHaveBean(WebSocketTransport.class));
	}

	@Test
	void userTransportReplacesComms() {
		this.webRunner.withBean("userWs", WebSocketTransport.class, () -> new WebSocketTransport(null))
			.run((context) -> assertThat(context).hasSingleBean(WebSocketTransport.class)
				.getBean(WebSocketTransport.class)
				.isSameAs(context.getBean("userWs")));
	}

}
