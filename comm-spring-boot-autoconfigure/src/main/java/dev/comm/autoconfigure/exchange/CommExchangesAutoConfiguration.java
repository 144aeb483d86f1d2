package dev.comm.autoconfigure.exchange;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

import dev.comm.autoconfigure.CommAutoConfiguration;

/**
 * Declarative clients: a bean for every {@link dev.comm.exchange.CommExchange} interface
 * in the application's packages.
 */
@AutoConfiguration(after = CommAutoConfiguration.class)
public final class CommExchangesAutoConfiguration {

	@Bean
	static CommExchangeRegistrar commExchangeRegistrar() {
		return new CommExchangeRegistrar();
	}

}
