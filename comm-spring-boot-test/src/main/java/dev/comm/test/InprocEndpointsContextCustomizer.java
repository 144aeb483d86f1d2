package dev.comm.test;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

import dev.comm.autoconfigure.CommProperties;

/**
 * Moves the endpoints of a test's application context in-process when the test asks for
 * it: before the context refreshes, when the application's own property sources are all
 * there and comm has not yet read them, it puts the {@link InprocEndpoints} properties in
 * front of them, and registers the {@link UnservedAddresses} stand-in for connectors that
 * dial outside the application. The transports and the endpoint beans are left as they
 * are; they simply see other addresses.
 */
class InprocEndpointsContextCustomizer implements ContextCustomizer {

	/** Name of the property source that holds the in-process addresses. */
	static final String PROPERTY_SOURCE_NAME = "commTestInproc";

	/** The property that switches the endpoints in-process without the annotation. */
	static final String INPROC_PROPERTY = "comm.test.inproc";

	private static final AtomicInteger contexts = new AtomicInteger();

	/** What the annotation says, or {@code null} when the test has none. */
	private final Boolean annotated;

	InprocEndpointsContextCustomizer(Boolean annotated) {
		this.annotated = annotated;
	}

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
		ConfigurableEnvironment environment = context.getEnvironment();
		boolean inproc = (this.annotated != null) ? this.annotated
				: environment.getProperty(INPROC_PROPERTY, Boolean.class, false);
		if (!inproc || !(context instanceof BeanDefinitionRegistry registry)) {
			return;
		}
		CommProperties properties = Binder.get(environment)
			.bind("comm", CommProperties.class)
			.orElseGet(CommProperties::new);
		// inproc names are JVM-wide and the test framework keeps contexts alive for
		// reuse: each context gets names of its own
		InprocEndpoints endpoints = InprocEndpoints.of(properties, "comm-test-" + contexts.incrementAndGet());
		environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, endpoints.properties()));
		if (!endpoints.unserved().isEmpty()) {
			registry.registerBeanDefinition(UnservedAddresses.BEAN_NAME, new RootBeanDefinition(UnservedAddresses.class,
					() -> new UnservedAddresses(endpoints.unserved(), context.getBeanFactory())));
		}
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof InprocEndpointsContextCustomizer customizer)
				&& Objects.equals(this.annotated, customizer.annotated);
	}

	@Override
	public int hashCode() {
		return Objects.hashCode(this.annotated);
	}

}
