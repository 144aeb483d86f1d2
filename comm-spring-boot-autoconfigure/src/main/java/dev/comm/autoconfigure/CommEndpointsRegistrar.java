package dev.comm.autoconfigure;

import java.util.function.Supplier;

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

import dev.comm.client.CommPool;
import dev.comm.internal.client.DefaultCommConnector;
import dev.comm.internal.server.DefaultCommListener;

/**
 * Registers the endpoint beans that properties describe, so that each can be injected by
 * name: per {@code comm.listeners.<name>} a {@link DefaultCommListener}
 * ({@code <name>DefaultCommListener}) and the pool of its peers
 * ({@code <name>CommPeers}); per {@code comm.connectors.<name>} one
 * {@link DefaultCommConnector} per URI ({@code <name>CommConnector}, or
 * {@code <name>CommConnector1..n} for several URIs) and their pool
 * ({@code <name>CommPool}); per {@code comm.pools.<name>} a mixed pool
 * ({@code <name>CommPool}). The {@link CommEndpoints} model they are made from is a bean
 * too, for everything else that needs to know the endpoints. Nothing is started here:
 * {@link CommLifecycle} does that once the context is ready.
 * <p>
 * Bean definitions are registered before the {@link CommProperties} bean exists, so the
 * properties are bound here, once, to build the model.
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
		CommEndpoints endpoints = CommEndpoints.of(properties);
		register(registry, CommEndpoints.BEAN_NAME, CommEndpoints.class, () -> endpoints);
		CommEndpointFactory factory = new CommEndpointFactory(this.beanFactory, endpoints);
		for (CommEndpoints.ListenerEndpoint listener : endpoints.listeners()) {
			register(registry, listener.beanName(), DefaultCommListener.class, () -> factory.listener(listener));
			register(registry, listener.peersBeanName(), CommPool.class, () -> factory.peers(listener));
		}
		for (CommEndpoints.ConnectorEndpoint connector : endpoints.connectors()) {
			for (CommEndpoints.ConnectorEndpoint.Member member : connector.members()) {
				register(registry, member.beanName(), DefaultCommConnector.class,
						() -> factory.connector(connector, member));
			}
			register(registry, connector.beanName(), CommPool.class, () -> factory.pool(connector));
		}
		for (CommEndpoints.PoolEndpoint pool : endpoints.pools()) {
			register(registry, pool.beanName(), CommPool.class, () -> factory.pool(pool));
		}
	}

	private static <T> void register(BeanDefinitionRegistry registry, String beanName, Class<T> type,
			Supplier<T> supplier) {
		registry.registerBeanDefinition(beanName, new RootBeanDefinition(type, supplier));
	}

}
