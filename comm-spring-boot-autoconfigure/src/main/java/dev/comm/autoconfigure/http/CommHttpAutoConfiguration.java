package dev.comm.autoconfigure.http;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import dev.comm.autoconfigure.CommAutoConfiguration;
import dev.comm.autoconfigure.CommProperties;
import dev.comm.internal.session.LinkSettings;
import dev.comm.transport.TransportSettings;

/**
 * Routes over HTTP in a servlet web application, once {@code comm.http.path} is set.
 */
@AutoConfiguration(after = CommAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
@ConditionalOnProperty("comm.http.path")
@ConditionalOnBean(LinkSettings.class)
@EnableConfigurationProperties(CommHttpProperties.class)
public final class CommHttpAutoConfiguration {

	@Bean(destroyMethod = "destroy")
	@ConditionalOnMissingBean
	CommHttpBridge commHttpBridge(LinkSettings linkSettings, TransportSettings transportSettings,
			CommHttpProperties http, CommProperties properties) {
		return new CommHttpBridge(linkSettings, transportSettings, http.getClientId(), properties.getRequestTimeout());
	}

	@Bean
	@ConditionalOnMissingBean
	CommHttpController commHttpController(CommHttpBridge bridge, CommProperties properties) {
		return new CommHttpController(bridge, (int) properties.getMaxFrameSize().toBytes());
	}

}
