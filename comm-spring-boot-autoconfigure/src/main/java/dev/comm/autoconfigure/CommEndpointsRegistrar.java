package dev.comm.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.util.StringUtils;

import dev.comm.address.CommAddress;
import dev.comm.client.CommPool;
import dev.comm.client.PoolStrategy;
import dev.comm.client.RandomStrategy;
import dev.comm.endpoint.PeerListener;
import dev.comm.internal.client.Backoff;
import dev.comm.internal.client.DefaultCommConnector;
import dev.comm.internal.client.PoolTarget;
import dev.comm.internal.client.ReachableMember;
import dev.comm.internal.client.TargetResources;
import dev.comm.internal.server.DefaultCommListener;
import dev.comm.internal.session.LinkSettings;
import dev.comm.transport.TransportRegistry;
import dev.comm.transport.TransportSettings;

/**
 * Registers the endpoint beans that properties describe, so that each can be injected by
 * name: per {@code comm.listeners.<name>} a {@link DefaultCommListener}
 * ({@code <name>DefaultCommListener}) and the pool of its peers
 * ({@code <name>CommPeers}); per {@code comm.connectors.<name>} one
 * {@link DefaultCommConnector} per URI ({@code <name>CommConnector}, or
 * {@code <name>CommConnector1..n} for several URIs) and their pool
 * ({@code <name>CommPool}); per {@code comm.pools.<name>} a mixed pool
 * ({@code <name>CommPool}). Nothing is started here: {@link CommLifecycle} does that once
 * the context is ready.
 */
class CommEndpointsRegistrar implements ImportBeanDefinitionRegistrar, EnvironmentAware, BeanFactoryAware {

	private Environment environment;

	private BeanFactory beanFactory;

	private EndpointTls endpointTls;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) throws BeansException {
		this.beanFactory = beanFactory;
	}

	@Override
	public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
		CommProperties properties = Binder.get(this.environment)
			.bind("comm", CommProperties.class)
			.orElseGet(CommProperties::new);
		properties.getListeners().forEach((name, listener) -> {
			String uri = requireUri("comm.listeners." + name + ".uri", listener.getUri());
			String service = listener.getService();
			register(registry, CommEndpointNames.listener(name), DefaultCommListener.class,
					() -> listener(name, address("comm.listeners." + name, uri, service), listener.getSsl()));
			register(registry, CommEndpointNames.peers(name), CommPool.class,
					() -> pool(name, () -> peersOf(name), new RandomStrategy(), null));
		});
		properties.getConnectors().forEach((name, connector) -> {
			List<String> uris = connector.addresses();
			if (uris.isEmpty()) {
				requireUri("comm.connectors." + name + ".uri", null);
			}
			for (int i = 0; i < uris.size(); i++) {
				String uri = requireUri("comm.connectors." + name + ".uris[" + i + "]", uris.get(i));
				String connectorName = CommEndpointNames.connectorName(name, i, uris.size());
				register(registry, CommEndpointNames.connector(name, i, uris.size()), DefaultCommConnector.class,
						() -> connector("comm.connectors." + name, connectorName,
								address("comm.connectors." + name, uri, connector.getService()), connector));
			}
			register(registry, CommEndpointNames.pool(name), CommPool.class, () -> {
				List<ReachableMember> members = new ArrayList<>();
				for (int i = 0; i < uris.size(); i++) {
					members.add(ReachableMember.of(this.beanFactory
						.getBean(CommEndpointNames.connector(name, i, uris.size()), DefaultCommConnector.class)));
				}
				List<ReachableMember> fixed = List.copyOf(members);
				return pool(name, () -> fixed, CommPropertiesValidator.strategy("comm.connectors." + name + ".strategy",
						connector.getStrategy()), connector.getRequestTimeout());
			});
		});
		properties.getPools()
			.forEach((name, pool) -> register(registry, CommEndpointNames.pool(name), CommPool.class,
					() -> pool(name, mixedMembers(properties, pool),
							CommPropertiesValidator.strategy("comm.pools." + name + ".strategy", pool.getStrategy()),
							pool.getRequestTimeout())));
	}

	private static <T> void register(BeanDefinitionRegistry registry, String beanName, Class<T> type,
			Supplier<T> supplier) {
		registry.registerBeanDefinition(beanName, new RootBeanDefinition(type, supplier));
	}

	private static String requireUri(String property, String uri) {
		if (uri == null || uri.isBlank()) {
			throw new InvalidCommPropertyException(property + " is required, for example tcp://127.0.0.1:7070");
		}
		return uri;
	}

	/**
	 * The endpoint's address, with its {@code service} property folded into an amqp
	 * address as the {@code service} parameter.
	 */
	private static CommAddress address(String prefix, String uri, String service) {
		CommAddress address = CommAddress.parse(uri);
		boolean amqp = address.scheme().startsWith("amqp");
		if (!StringUtils.hasText(service)) {
			if (amqp && address.parameter("service") == null) {
				throw new InvalidCommPropertyException(prefix + " needs a service for its amqp address: set " + prefix
						+ ".service or add ?service=<name> to the uri");
			}
			return address;
		}
		if (!amqp) {
			throw new InvalidCommPropertyException(
					prefix + ".service applies to amqp addresses only, not to " + address);
		}
		String inUri = address.parameter("service");
		if (inUri != null && !inUri.equals(service)) {
			throw new InvalidCommPropertyException(prefix + ".service is '" + service + "' but the uri names service '"
					+ inUri + "'; set it in one place");
		}
		return address.withParameter("service", service);
	}

	private DefaultCommListener listener(String name, CommAddress address, CommProperties.ListenerSsl ssl) {
		String prefix = "comm.listeners." + name;
		if (address.scheme().startsWith("ws")) {
			checkWebSocketListener(prefix + ".uri", address);
		}
		DefaultCommListener listener = new DefaultCommListener(name, address, transports().forScheme(address.scheme()),
				endpointTls().listener(prefix, address, ssl), this.beanFactory.getBean(LinkSettings.class));
		this.beanFactory.getBeanProvider(PeerListener.class).orderedStream().forEach(listener::addPeerListener);
		CommProperties.Sessions sessions = this.beanFactory.getBean(CommProperties.class).getSessions();
		if (!sessions.getResumeWindow().isZero()) {
			listener.enableSessions(sessions.getResumeWindow(), sessions.getMaxQueued());
		}
		return listener;
	}

	private List<ReachableMember> peersOf(String listener) {
		return this.beanFactory.getBean(CommEndpointNames.listener(listener), DefaultCommListener.class).peers();
	}

	/**
	 * Members of a configured pool: the peers of its listeners as they are now, then the
	 * members of its connectors.
	 */
	private Supplier<List<ReachableMember>> mixedMembers(CommProperties properties, CommProperties.Pool pool) {
		List<ReachableMember> dialled = new ArrayList<>();
		for (String connector : pool.getConnectors()) {
			int count = properties.getConnectors().get(connector).addresses().size();
			for (int i = 0; i < count; i++) {
				dialled.add(ReachableMember.of(this.beanFactory
					.getBean(CommEndpointNames.connector(connector, i, count), DefaultCommConnector.class)));
			}
		}
		List<String> listeners = List.copyOf(pool.getListeners());
		return () -> {
			List<ReachableMember> members = new ArrayList<>();
			listeners.forEach((listener) -> members.addAll(peersOf(listener)));
			members.addAll(dialled);
			return members;
		};
	}

	private CommPool pool(String name, Supplier<List<ReachableMember>> members, PoolStrategy strategy,
			Duration timeout) {
		Duration effective = (timeout != null) ? timeout
				: this.beanFactory.getBean(CommProperties.class).getRequestTimeout();
		return new PoolTarget(name, members, strategy, this.beanFactory.getBean(TargetResources.class), effective);
	}

	private DefaultCommConnector connector(String prefix, String name, CommAddress address,
			CommProperties.Connector properties) {
		CommProperties.Reconnect reconnect = properties.getReconnect();
		return new DefaultCommConnector(name, address, transports().forScheme(address.scheme()),
				endpointTls().connector(prefix, address, properties.getSsl()),
				this.beanFactory.getBean(LinkSettings.class),
				new Backoff(reconnect.getInitialDelay(), reconnect.getMaxDelay(), reconnect.getMultiplier()));
	}

	/**
	 * One for all endpoints, so that endpoints naming the same bundle share its TLS (and
	 * an amqps listener and connector on the same broker share a connection).
	 */
	private synchronized EndpointTls endpointTls() {
		if (this.endpointTls == null) {
			this.endpointTls = new EndpointTls(this.beanFactory.getBean(TransportSettings.class),
					this.beanFactory.getBeanProvider(SslBundles.class));
		}
		return this.endpointTls;
	}

	/**
	 * A ws listener mounts on the application's servlet web server, so it needs both
	 * Spring WebSocket and that server; say which is missing rather than leave it to a
	 * generic "no transport" later.
	 */
	private void checkWebSocketListener(String property, CommAddress address) {
		if (!transports().schemes().contains(address.scheme())) {
			throw new InvalidCommPropertyException(property + " is the WebSocket listener " + address
					+ ", but the ws transport is not available: it needs Spring WebSocket on the classpath"
					+ " (spring-websocket with spring-boot-starter-webmvc) and comm.transports.ws left on");
		}
		if (this.beanFactory.getBeanProvider(dev.comm.internal.transport.ws.WebSocketMounts.class)
			.getIfAvailable() == null) {
			throw new InvalidCommPropertyException(property + " is the WebSocket listener " + address
					+ ", which is mounted on the application's servlet web server, but this application runs none;"
					+ " make it a servlet web application (spring-boot-starter-webmvc) or listen on tcp:// instead");
		}
	}

	private TransportRegistry transports() {
		return this.beanFactory.getBean(TransportRegistry.class);
	}

}
