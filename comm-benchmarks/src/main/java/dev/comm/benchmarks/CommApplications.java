package dev.comm.benchmarks;

import java.util.List;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The Spring Boot applications every comm subject of the benchmark runs: comm's
 * auto-configuration and nothing else, plus the beans a subject names (its handlers, or a
 * configuration such as an observation registry), configured by command-line arguments as
 * an application would be.
 */
public final class CommApplications {

	private CommApplications() {
	}

	/**
	 * Start an application.
	 * @param name its {@code spring.application.name}, which comm sends as its client id
	 * @param beans classes registered as beans, handlers or configurations; possibly none
	 * @param args command-line arguments such as {@code --comm.listeners.tcp.uri=...}
	 * @return the running application
	 */
	public static ConfigurableApplicationContext run(String name, List<Class<?>> beans, String... args) {
		ApplicationContextInitializer<GenericApplicationContext> register = (context) -> beans
			.forEach(context::registerBean);
		return new SpringApplicationBuilder(CommOnly.class).web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.initializers(register)
			.properties("spring.application.name=" + name, "spring.main.banner-mode=off", "logging.level.root=warn")
			.run(args);
	}

	/**
	 * The application's one source: auto-configuration, without component scanning, so
	 * that a subject's beans are only those it names.
	 */
	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class CommOnly {

	}

}
