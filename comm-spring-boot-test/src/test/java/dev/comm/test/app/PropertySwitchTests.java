package dev.comm.test.app;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;

import dev.comm.client.CommClient;
import dev.comm.test.CommTestClient;
import dev.comm.test.app.OrderHandlers.Price;
import dev.comm.test.app.OrderHandlers.Quote;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code comm.test.inproc=true} alone, without the annotation, moves the endpoints
 * in-process too; the {@link CommTestClient} comes with the annotation only.
 */
@SpringBootTest(classes = OrdersApplication.class, webEnvironment = WebEnvironment.NONE,
		properties = "comm.test.inproc=true")
@TestPropertySource(locations = "classpath:dev/comm/test/app/orders.properties")
class PropertySwitchTests {

	@Autowired
	CommClient comm;

	@Autowired
	Environment environment;

	@Autowired
	ApplicationContext context;

	@Test
	void thePropertyMovesTheEndpointsInproc() {
		assertThat(this.environment.getProperty("local.comm.listeners.main.uri")).startsWith("inproc://");
		assertThat(this.comm.to("self").request("orders.quote", new Quote("tea", 1), Price.class))
			.isEqualTo(new Price("tea", 3));
	}

	@Test
	void withoutTheAnnotationThereIsNoTestClient() {
		assertThat(this.context.getBeanProvider(CommTestClient.class).getIfAvailable()).isNull();
	}

}
