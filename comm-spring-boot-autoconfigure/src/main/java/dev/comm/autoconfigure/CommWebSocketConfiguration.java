package dev.comm.autoconfigure;

import jakarta.servlet.ServletContainerInitializer;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

import dev.comm.internal.transport.ws.WebSocketMountHandlerMapping;
import dev.comm.internal.transport.ws.WebSocketMounts;
import dev.comm.internal.transport.ws.WebSocketTransport;

/**
 * The ws transport, when Spring WebSocket is on the classpath. Connectors work in any
 * application; listeners need the application's servlet web server, whose
 * {@code DispatcherServlet} gets a mapping for the listeners' paths. Without a servlet
 * web server the transport only connects, and a configured ws listener fails startup with
 * a message that says so.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "org.springframework.web.socket.WebSocketHandler")
@ConditionalOnBooleanProperty(name = "comm.transports.ws", matchIfMissing = true)
@Import(CommWebSocketConfiguration.ServletServerConfiguration.class)
class CommWebSocketConfiguration {

	/** Tomcat's JSR-356 container, registered when nothing else registered one. */
	private static final String TOMCAT_WEBSOCKET_INITIALIZER = "org.apache.tomcat.websocket.server.WsSci";

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	WebSocketTransport commWebSocketTransport(ObjectProvider<WebSocketMounts> mounts) {
		return new WebSocketTransport(mounts.getIfAvailable());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(name = { "org.springframework.web.servlet.DispatcherServlet",
			"org.springframework.boot.web.server.context.WebServerInitializedEvent" })
	@Import(TomcatContainerConfiguration.class)
	static class ServletServerConfiguration {

		@Bean
		@ConditionalOnMissingBean
		WebSocketMounts commWebSocketMounts(CommEndpoints endpoints) {
			WebSocketMounts mounts = new WebSocketMounts();
			for (CommEndpoints.ListenerEndpoint listener : endpoints.listeners()) {
				if (listener.isWebSocket() && !listener.allowedOrigins().isEmpty()) {
					mounts.setAllowedOrigins(listener.address().path(), listener.allowedOrigins());
				}
			}
			return mounts;
		}

		@Bean
		@ConditionalOnMissingBean
		WebSocketMountHandlerMapping commWebSocketHandlerMapping(WebSocketMounts mounts) {
			return new WebSocketMountHandlerMapping(mounts);
		}

		@Bean
		@ConditionalOnMissingBean(name = "commWebSocketServerAddress")
		ApplicationListener<WebServerInitializedEvent> commWebSocketServerAddress(WebSocketMounts mounts,
				Environment environment) {
			return (event) -> {
				// a management server on its own port has a namespace; listeners are on
				// the main one
				if (event.getApplicationContext().getServerNamespace() == null) {
					mounts.setServer(reachableHost(environment.getProperty("server.address")),
							event.getWebServer().getPort());
				}
			};
		}

		private static String reachableHost(String bound) {
			if (bound == null || bound.isBlank() || bound.equals("0.0.0.0") || bound.equals("::")
					|| bound.equals("[::]")) {
				return "127.0.0.1";
			}
			return bound;
		}

	}

	/**
	 * Spring Boot's own WebSocket module registers Tomcat's JSR-356 container; without it
	 * (an application on the web starter alone), the upgrade would find no container, so
	 * comm registers it.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = TOMCAT_WEBSOCKET_INITIALIZER)
	@ConditionalOnMissingClass("org.springframework.boot.websocket.autoconfigure.servlet.WebSocketMessagingAutoConfiguration")
	static class TomcatContainerConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "commWebSocketServerContainer")
		ServletContextInitializer commWebSocketServerContainer() {
			return (servletContext) -> {
				if (servletContext.getAttribute("jakarta.websocket.server.ServerContainer") == null) {
					BeanUtils
						.instantiateClass(ClassUtils.resolveClassName(TOMCAT_WEBSOCKET_INITIALIZER, null),
								ServletContainerInitializer.class)
						.onStartup(null, servletContext);
				}
			};
		}

	}

}
