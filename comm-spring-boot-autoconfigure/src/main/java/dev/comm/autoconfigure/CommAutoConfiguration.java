package dev.comm.autoconfigure;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

import dev.comm.client.CommClient;
import dev.comm.client.CommPool;
import dev.comm.codec.PayloadCodec;
import dev.comm.internal.client.DefaultCommClient;
import dev.comm.internal.client.DefaultCommConnector;
import dev.comm.internal.client.TargetResources;
import dev.comm.internal.handler.HandlerFailures;
import dev.comm.internal.handler.RouteDispatcher;
import dev.comm.internal.handler.RouteTable;
import dev.comm.internal.observation.CallObserver;
import dev.comm.internal.observation.HandlerObserver;
import dev.comm.internal.server.DefaultCommListener;
import dev.comm.internal.session.InboundHandler;
import dev.comm.internal.session.LinkLimits;
import dev.comm.internal.session.LinkSettings;
import dev.comm.internal.stream.StreamExtension;
import dev.comm.internal.stream.StreamHandler;
import dev.comm.protocol.Features;
import dev.comm.transport.Transport;
import dev.comm.transport.TransportRegistry;
import dev.comm.transport.TransportSettings;

/**
 * Auto-configuration for comm: transports, the route table filled from
 * {@code @CommHandler} methods, a listener bean per {@code comm.listeners.<name>}, a
 * connector bean per {@code comm.connectors.<name>}, the {@link CommClient}, and the
 * lifecycle that starts and stops them.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
		"org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration" })
@EnableConfigurationProperties(CommProperties.class)
@Import({ CommTransportConfigurations.NettyConfiguration.class, CommTransportConfigurations.TcpConfiguration.class,
		CommTransportConfigurations.UnixConfiguration.class, CommTransportConfigurations.InprocConfiguration.class,
		CommTransportConfigurations.AmqpConfiguration.class, CommWebSocketConfiguration.class,
		CommPayloadCodecConfiguration.class, CommValidationConfiguration.class, CommEndpointsRegistrar.class })
public final class CommAutoConfiguration {

	@Bean
	static CommHandlerAnnotationBeanPostProcessor commHandlerAnnotationBeanPostProcessor() {
		return new CommHandlerAnnotationBeanPostProcessor();
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	TransportRegistry commTransportRegistry(ObjectProvider<Transport> transports) {
		return new TransportRegistry(transports.orderedStream().toList());
	}

	@Bean(name = "commHandlerExecutor", destroyMethod = "shutdown")
	@ConditionalOnMissingBean(name = "commHandlerExecutor")
	ExecutorService commHandlerExecutor(CommProperties properties, Environment environment) {
		boolean virtual = environment.getProperty("spring.threads.virtual.enabled", Boolean.class, false);
		return HandlerExecutors.create(virtual, properties.getHandlerThreads());
	}

	@Bean(name = "commScheduler", destroyMethod = "shutdownNow")
	@ConditionalOnMissingBean(name = "commScheduler")
	ScheduledExecutorService commScheduler() {
		ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, (runnable) -> {
			Thread thread = new Thread(runnable, "comm-timer");
			thread.setDaemon(true);
			return thread;
		});
		// requests mostly finish long before their timeout: drop cancelled timers at once
		scheduler.setRemoveOnCancelPolicy(true);
		return scheduler;
	}

	@Bean
	@ConditionalOnMissingBean
	TargetResources commClientSupport(PayloadCodec codec,
			@Qualifier("commScheduler") ScheduledExecutorService scheduler, ObjectProvider<CallObserver> observer) {
		return new TargetResources(codec, scheduler, observer.getIfAvailable(() -> CallObserver.NONE));
	}

	@Bean
	@ConditionalOnMissingBean
	RouteTable commRouteTable() {
		return new RouteTable();
	}

	@Bean
	@ConditionalOnMissingBean
	RouteDispatcher commRouteDispatcher(RouteTable routes, TargetResources support, CommProperties properties) {
		boolean details = properties.getError().getIncludeDetails() == CommErrorProperties.IncludeDetails.ALWAYS;
		return new RouteDispatcher(routes, support, properties.getRequestTimeout(), HandlerFailures.of(details));
	}

	@Bean
	@ConditionalOnMissingBean
	TransportSettings commTransportSettings(CommProperties properties) {
		// validated with the endpoints (CommEndpoints.of): a size that fits an int
		return new TransportSettings((int) properties.getMaxFrameSize().toBytes(), properties.getConnectTimeout(), null)
			.withThrowsInFlight(properties.getLimits().getThrowsInFlight());
	}

	@Bean
	@ConditionalOnMissingBean
	LinkSettings commLinkSettings(CommProperties properties, Environment environment, RouteDispatcher dispatcher,
			@Qualifier("commHandlerExecutor") ExecutorService handlerExecutor,
			@Qualifier("commScheduler") ScheduledExecutorService scheduler, ObjectProvider<HandlerObserver> observers) {
		// the first in order wraps all the others: the last is closest to the handlers
		List<HandlerObserver> ordered = observers.orderedStream().toList();
		InboundHandler handler = dispatcher;
		StreamHandler streamHandler = dispatcher;
		for (int i = ordered.size() - 1; i >= 0; i--) {
			handler = ordered.get(i).observe(handler);
			streamHandler = ordered.get(i).observeStreams(streamHandler);
		}
		CommStreamsProperties streams = properties.getStreams();
		return new LinkSettings(clientId(properties, environment), handler, handlerExecutor, scheduler,
				properties.getHandshakeTimeout(), properties.getHeartbeatInterval(), Features.ALL)
			.withLimits(new LinkLimits(properties.getLimits().getRequestsInFlight()))
			.withExtensions(streams.isEnabled()
					? List.of(StreamExtension.factory(streams.toSettings(), streamHandler, handlerExecutor, scheduler))
					: List.of());
	}

	private static String clientId(CommProperties properties, Environment environment) {
		if (StringUtils.hasText(properties.getClientId())) {
			return properties.getClientId();
		}
		String application = environment.getProperty("spring.application.name");
		return StringUtils.hasText(application) ? application : hostName() + "-" + ProcessHandle.current().pid();
	}

	private static String hostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return ManagementFactory.getRuntimeMXBean().getName();
		}
	}

	@Bean
	@ConditionalOnMissingBean
	CommClient commClient(ListableBeanFactory beans, CommEndpoints endpoints, CommProperties properties,
			TargetResources support) {
		Map<String, CommPool> targets = new LinkedHashMap<>();
		endpoints.connectors()
			.forEach((connector) -> targets.put(connector.name(), beans.getBean(connector.beanName(), CommPool.class)));
		endpoints.pools().forEach((pool) -> targets.put(pool.name(), beans.getBean(pool.beanName(), CommPool.class)));
		// connectors declared as beans by the application, not through properties
		Set<String> configuredConnectors = endpoints.connectorBeanNames();
		beans.getBeansOfType(DefaultCommConnector.class).forEach((beanName, connector) -> {
			if (!configuredConnectors.contains(beanName)) {
				targets.put(connector.name(),
						CommEndpointFactory.pool(connector, support, properties.getRequestTimeout()));
			}
		});
		Map<String, CommPool> peers = new LinkedHashMap<>();
		endpoints.listeners()
			.forEach((listener) -> peers.put(listener.name(), beans.getBean(listener.peersBeanName(), CommPool.class)));
		return new DefaultCommClient(targets, peers);
	}

	@Bean
	@ConditionalOnMissingBean
	CommPeerEventPublisher commPeerEventPublisher(ApplicationEventPublisher publisher,
			@Qualifier("commHandlerExecutor") ExecutorService handlerExecutor) {
		return new CommPeerEventPublisher(publisher, handlerExecutor);
	}

	@Bean
	@ConditionalOnMissingBean
	CommLifecycle commLifecycle(ObjectProvider<DefaultCommListener> listeners,
			ObjectProvider<DefaultCommConnector> connectors, CommProperties properties,
			ConfigurableEnvironment environment) {
		return new CommLifecycle(listeners.orderedStream().toList(), connectors.orderedStream().toList(),
				properties.getShutdownGracePeriod(), environment);
	}

}
