package dev.comm.autoconfigure;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.HashSet;
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

import dev.comm.client.ClientSupport;
import dev.comm.client.CommClient;
import dev.comm.client.CommPool;
import dev.comm.client.Connector;
import dev.comm.client.DefaultCommClient;
import dev.comm.client.PoolMember;
import dev.comm.client.PoolTarget;
import dev.comm.client.RoundRobinStrategy;
import dev.comm.codec.PayloadCodec;
import dev.comm.handler.RouteDispatcher;
import dev.comm.handler.RouteTable;
import dev.comm.protocol.Features;
import dev.comm.server.CommListener;
import dev.comm.session.LinkSettings;
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
		return HandlerExecutors.create(virtual,
				CommPropertiesValidator.positive("comm.handler-threads", properties.getHandlerThreads()));
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
	ClientSupport commClientSupport(PayloadCodec codec,
			@Qualifier("commScheduler") ScheduledExecutorService scheduler) {
		return new ClientSupport(codec, scheduler);
	}

	@Bean
	@ConditionalOnMissingBean
	RouteTable commRouteTable() {
		return new RouteTable();
	}

	@Bean
	@ConditionalOnMissingBean
	RouteDispatcher commRouteDispatcher(RouteTable routes, ClientSupport support, CommProperties properties) {
		return new RouteDispatcher(routes, support, properties.getRequestTimeout());
	}

	@Bean
	@ConditionalOnMissingBean
	TransportSettings commTransportSettings(CommProperties properties) {
		long maxFrameSize = properties.getMaxFrameSize().toBytes();
		if (maxFrameSize < 1024 || maxFrameSize > Integer.MAX_VALUE - 8) {
			throw new InvalidCommPropertyException(
					"comm.max-frame-size must be between 1KB and 2GB, not " + properties.getMaxFrameSize());
		}
		return new TransportSettings((int) maxFrameSize,
				CommPropertiesValidator.positive("comm.connect-timeout", properties.getConnectTimeout()));
	}

	@Bean
	@ConditionalOnMissingBean
	LinkSettings commLinkSettings(CommProperties properties, Environment environment, RouteDispatcher dispatcher,
			@Qualifier("commHandlerExecutor") ExecutorService handlerExecutor,
			@Qualifier("commScheduler") ScheduledExecutorService scheduler, TransportSettings transportSettings) {
		CommPropertiesValidator.validate(properties);
		return new LinkSettings(clientId(properties, environment), dispatcher, handlerExecutor, scheduler,
				properties.getHandshakeTimeout(), properties.getHeartbeatInterval(), Features.ALL);
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
	CommClient commClient(ListableBeanFactory beans, CommProperties properties, ClientSupport support) {
		Map<String, CommPool> targets = new LinkedHashMap<>();
		Set<String> configuredConnectors = new HashSet<>();
		properties.getConnectors().forEach((name, connector) -> {
			targets.put(name, beans.getBean(CommEndpointNames.pool(name), CommPool.class));
			int count = connector.addresses().size();
			for (int i = 0; i < count; i++) {
				configuredConnectors.add(CommEndpointNames.connector(name, i, count));
			}
		});
		properties.getPools()
			.keySet()
			.forEach((name) -> targets.put(name, beans.getBean(CommEndpointNames.pool(name), CommPool.class)));
		// connectors declared as beans by the application, not through properties
		beans.getBeansOfType(Connector.class).forEach((beanName, connector) -> {
			if (!configuredConnectors.contains(beanName)) {
				List<PoolMember> member = List.of(PoolMember.of(connector));
				targets.put(connector.getName(), new PoolTarget(connector.getName(), () -> member,
						new RoundRobinStrategy(), support, properties.getRequestTimeout()));
			}
		});
		Map<String, CommPool> peers = new LinkedHashMap<>();
		properties.getListeners()
			.keySet()
			.forEach((name) -> peers.put(name, beans.getBean(CommEndpointNames.peers(name), CommPool.class)));
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
	CommLifecycle commLifecycle(ObjectProvider<CommListener> listeners, ObjectProvider<Connector> connectors,
			CommProperties properties, ConfigurableEnvironment environment) {
		return new CommLifecycle(listeners.orderedStream().toList(), connectors.orderedStream().toList(),
				properties.getShutdownGracePeriod(), environment);
	}

}
