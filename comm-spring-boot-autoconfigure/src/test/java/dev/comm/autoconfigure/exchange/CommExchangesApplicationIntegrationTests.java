package dev.comm.autoconfigure.exchange;

import java.util.concurrent.TimeUnit;

import com.example.exchanges.broken.BrokenApplication;
import com.example.exchanges.good.ClientApplication;
import com.example.exchanges.good.Greetings;
import com.example.exchanges.server.ServerApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Declarative clients found by scanning the application's packages, calling a real server
 * over tcp, and a wrong one failing startup.
 */
class CommExchangesApplicationIntegrationTests {

	@Test
	void anInterfaceInTheApplicationsPackagesBecomesAClientBean() throws Exception {
		try (ConfigurableApplicationContext server = new SpringApplicationBuilder(ServerApplication.class)
			.web(WebApplicationType.NONE)
			.run("--comm.listeners.main.uri=tcp://127.0.0.1:0", "--spring.jmx.enabled=false")) {
			String port = server.getEnvironment().getProperty("local.comm.listeners.main.port");
			try (ConfigurableApplicationContext client = new SpringApplicationBuilder(ClientApplication.class)
				.web(WebApplicationType.NONE)
				.run("--comm.connectors.backend.uri=tcp://127.0.0.1:" + port, "--spring.jmx.enabled=false")) {
				Greetings greetings = client.getBean(Greetings.class);
				assertThat(greetings.greet("Ada")).isEqualTo("Hello, Ada");
				assertThat(greetings.greetAsync("Bob").get(10, TimeUnit.SECONDS)).isEqualTo("Hello, Bob");
				assertThat(greetings.names()).containsExactly("Ada", "Bob");
				greetings.note("seen");
				assertThat(server.getBean(ServerApplication.Handlers.class).notes.poll(10, TimeUnit.SECONDS))
					.isEqualTo("seen");
			}
		}
	}

	@Test
	void aClientNamingAnUnknownConnectorFailsStartupNamingTheInterface() {
		assertThatException()
			.isThrownBy(() -> new SpringApplicationBuilder(BrokenApplication.class).web(WebApplicationType.NONE)
				.run("--comm.connectors.orders.uri=tcp://127.0.0.1:1", "--spring.jmx.enabled=false")
				.close())
			.havingRootCause()
			.withMessageContaining("@CommExchange on com.example.exchanges.broken.Misnamed names "
					+ "connector 'billing', which is not configured")
			.withMessageContaining("[orders]");
	}

}
