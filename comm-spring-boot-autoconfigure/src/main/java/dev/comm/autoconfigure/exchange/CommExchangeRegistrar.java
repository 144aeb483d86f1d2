package dev.comm.autoconfigure.exchange;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.ResourceLoaderAware;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

import dev.comm.client.CommClient;
import dev.comm.exchange.CommExchange;
import dev.comm.exchange.CommExchanges;

/**
 * Finds {@link CommExchange} interfaces in the application's packages (those of its
 * {@code @SpringBootApplication}, as Spring Data finds repositories) and registers a
 * client bean for each, named after the interface. A client is made, and its declaration
 * checked, when its bean is created, so that a wrong one fails startup.
 */
final class CommExchangeRegistrar
		implements BeanDefinitionRegistryPostProcessor, EnvironmentAware, ResourceLoaderAware {

	private static final Logger logger = LoggerFactory.getLogger(CommExchangeRegistrar.class);

	private Environment environment;

	private ResourceLoader resourceLoader;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void setResourceLoader(ResourceLoader resourceLoader) {
		this.resourceLoader = resourceLoader;
	}

	@Override
	public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
		if (!(registry instanceof BeanFactory beanFactory) || !AutoConfigurationPackages.has(beanFactory)) {
			return;
		}
		List<String> packages = AutoConfigurationPackages.get(beanFactory);
		for (String basePackage : packages) {
			for (BeanDefinition candidate : scanner().findCandidateComponents(basePackage)) {
				register(registry, beanFactory, candidate.getBeanClassName());
			}
		}
	}

	private void register(BeanDefinitionRegistry registry, BeanFactory beanFactory, String className) {
		if (registry.containsBeanDefinition(className)) {
			return;
		}
		Class<?> type = ClassUtils.resolveClassName(className, this.resourceLoader.getClassLoader());
		registry.registerBeanDefinition(className, definition(type, beanFactory));
		logger.debug("Registered comm exchange client {}", className);
	}

	private static <T> AbstractBeanDefinition definition(Class<T> type, BeanFactory beanFactory) {
		return BeanDefinitionBuilder
			.genericBeanDefinition(type, () -> CommExchanges.create(type, beanFactory.getBean(CommClient.class)))
			.getBeanDefinition();
	}

	private ClassPathScanningCandidateComponentProvider scanner() {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false,
				this.environment) {

			@Override
			protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
				// the component scanner skips interfaces; exchanges are nothing else
				return definition.getMetadata().isInterface() && definition.getMetadata().isIndependent();
			}

		};
		scanner.setResourceLoader(this.resourceLoader);
		scanner.addIncludeFilter(new AnnotationTypeFilter(CommExchange.class));
		return scanner;
	}

}
