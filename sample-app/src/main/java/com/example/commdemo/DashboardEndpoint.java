package com.example.commdemo;

import java.util.Map;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Mounts the dashboard's ws listener on the scheduler's HTTP server: before the context
 * starts, points {@code comm.listeners.dashboard.uri} at {@value #PATH}, unless it is set
 * already. Only the scheduler gets it; workers run without a web server.
 */
final class DashboardEndpoint implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

	static final String PATH = "/comm";

	static final String LISTENER_URI_PROPERTY = "comm.listeners." + DashboardProtocol.LISTENER + ".uri";

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		ConfigurableEnvironment environment = event.getEnvironment();
		String role = environment.getProperty("demo.role", "scheduler").trim();
		if (!"scheduler".equalsIgnoreCase(role) || environment.containsProperty(LISTENER_URI_PROPERTY)) {
			return;
		}
		// last, so that anything the user configured still wins
		environment.getPropertySources()
			.addLast(new MapPropertySource("commDemoDashboard", Map.of(LISTENER_URI_PROPERTY, "ws:" + PATH)));
	}

}
