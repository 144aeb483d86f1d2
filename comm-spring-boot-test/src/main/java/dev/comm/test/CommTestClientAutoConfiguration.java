package dev.comm.test;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import dev.comm.autoconfigure.CommAutoConfiguration;
import dev.comm.autoconfigure.CommProperties;
import dev.comm.internal.client.TargetResources;
import dev.comm.internal.session.LinkSettings;
import dev.comm.transport.TransportSettings;

/**
 * The {@link CommTestClient} of a test annotated with {@link AutoConfigureComm}, on an
 * in-process link to the application's handlers.
 */
@AutoConfiguration(after = CommAutoConfiguration.class)
@ConditionalOnBean(LinkSettings.class)
public final class CommTestClientAutoConfiguration {

	@Bean(destroyMethod = "destroy")
	@ConditionalOnMissingBean
	CommTestEndpoint commTestEndpoint(LinkSettings linkSettings, TransportSettings transportSettings,
			TargetResources resources, CommProperties properties) {
		return new CommTestEndpoint(linkSettings, transportSettings, resources, properties.getRequestTimeout());
	}

	@Bean
	@ConditionalOnMissingBean
	CommTestClient commTestClient(CommTestEndpoint endpoint) {
		return new CommTestClient(endpoint, CommTestClient.DEFAULT_CLIENT_ID,
				endpoint.target(CommTestClient.DEFAULT_CLIENT_ID));
	}

}
