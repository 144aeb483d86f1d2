package com.example.commdemo;

import java.util.Map;

import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Properties the scheduler gets unless the user set them: only in the scheduler's role,
 * and after every other property source, so that anything configured still wins.
 */
final class SchedulerDefaults {

	private SchedulerDefaults() {
	}

	/**
	 * Whether a default for {@code property} is needed.
	 * @param environment the environment being prepared
	 * @param property the property
	 * @return whether the application is the scheduler and the property is not set
	 */
	static boolean needed(ConfigurableEnvironment environment, String property) {
		String role = environment.getProperty("demo.role", "scheduler").trim();
		return "scheduler".equalsIgnoreCase(role) && !environment.containsProperty(property);
	}

	/**
	 * Add a default, behind every other property source.
	 * @param environment the environment being prepared
	 * @param source the name of the property source
	 * @param property the property
	 * @param value its default value
	 */
	static void add(ConfigurableEnvironment environment, String source, String property, String value) {
		environment.getPropertySources().addLast(new MapPropertySource(source, Map.of(property, value)));
	}

}
