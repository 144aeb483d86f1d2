package dev.comm.autoconfigure;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.util.StringUtils;

import dev.comm.address.CommAddress;
import dev.comm.client.Backoff;
import dev.comm.client.Connector;
import dev.comm.server.CommListener;
import dev.comm.session.LinkSettings;
import dev.comm.transport.TransportRegistry;
import dev.comm.transport.TransportSettings;

/**
 * Registers one {@link CommListener} bean ({@code <name>CommListener}) per
 * {@code comm.listeners.<name>} and one {@link Connector} bean
 * ({@code <name>CommConnector}) per {@code comm.connectors.<name>}, so that each can be
 * injected by name. Nothing is started here: {@link CommLifecycle} does that once the
 * context is ready.
 */
class CommEndpointsRegistrar implements ImportBeanDefinitionRegistrar, EnvironmentAware, BeanFactoryAware {

	private Environment environment;

	private BeanFactory beanFactory;

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
			RootBeanDefinition definition = new RootBeanDefinition(CommListener.class,
					() -> listener(name, address("comm.listeners." + name, uri, service)));
			registry.registerBeanDefinition(name + "CommListener", definition);
		});
		properties.getConnectors().forEach((name, connector) -> {
			String uri = requireUri("comm.connectors." + name + ".uri", connector.getUri());
			RootBeanDefinition definition = new RootBeanDefinition(Connector.class, () -> connector(name,
					address("comm.connectors." + name, uri, connector.getService()), connector.getReconnect()));
			registry.registerBeanDefinition(name + "CommConnector", definition);
		});
	}

	private static String requireUri(String property, String uri) {
		if (!StringUtils.hasText(uri)) {
			throw new IllegalStateException(property + " is required, for example tcp://127.0.0.1:7070");
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
				throw new IllegalStateException(prefix + " needs a service for its amqp address: set " + prefix
						+ ".service or add ?service=<name> to the uri");
			}
			return address;
		}
		if (!amqp) {
			throw new IllegalStateException(prefix + ".service applies to amqp addresses only, not to " + address);
		}
		String inUri = address.parameter("service");
		if (inUri != null && !inUri.equals(service)) {
			throw new IllegalStateException(prefix + ".service is '" + service + "' but the uri names service '" + inUri
					+ "'; set it in one place");
		}
		return address.withParameter("service", service);
	}

	private CommListener listener(String name, CommAddress address) {
		if (address.scheme().startsWith("ws")) {
			checkWebSocketListener("comm.listeners." + name + ".uri", address);
		}
		return new CommListener(name, address, transports().forScheme(address.scheme()),
				this.beanFactory.getBean(TransportSettings.class), this.beanFactory.getBean(LinkSettings.class));
	}

	private Connector connector(String name, CommAddress address, CommProperties.Reconnect reconnect) {
		return new Connector(name, address, transports().forScheme(address.scheme()),
				this.beanFactory.getBean(TransportSettings.class), this.beanFactory.getBean(LinkSettings.class),
				new Backoff(reconnect.getInitialDelay(), reconnect.getMaxDelay(), reconnect.getMultiplier()));
	}

	/**
	 * A ws listener mounts on the application's servlet web server, so it needs both
	 * Spring WebSocket and that server; say which is missing rather than leave it to a
	 * generic "no transport" later.
	 */
	private void checkWebSocketListener(String property, CommAddress address) {
		if (!transports().schemes().contains(address.scheme())) {
			throw new IllegalStateException(property + " is the WebSocket listener " + address
					+ ", but the ws transport is not available: it needs Spring WebSocket on the classpath"
					+ " (spring-websocket with spring-boot-starter-webmvc) and comm.transports.ws left on");
		}
		if (this.beanFactory.getBeanProvider(dev.comm.transport.ws.WebSocketMounts.class).getIfAvailable() == null) {
			throw new IllegalStateException(property + " is the WebSocket listener " + address
					+ ", which is mounted on the application's servlet web server, but this application runs none;"
					+ " make it a servlet web application (spring-boot-starter-webmvc) or listen on tcp:// instead");
		}
	}

	private TransportRegistry transports() {
		return this.beanFactory.getBean(TransportRegistry.class);
	}

}
