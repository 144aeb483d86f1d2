package dev.comm.test.app;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A small comm application for the test kit's tests: the order routes of
 * {@link OrderHandlers}, and the {@link Orders} interface client on its connector
 * {@code self}.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
class OrdersApplication {

	@Bean
	OrderHandlers orderHandlers() {
		return new OrderHandlers();
	}

}
