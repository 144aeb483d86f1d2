package com.example.commdemo;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

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
		if (SchedulerDefaults.needed(environment, LISTENER_URI_PROPERTY)) {
			SchedulerDefaults.add(environment, "commDemoDashboard", LISTENER_URI_PROPERTY, "ws:" + PATH);
		}
	}

}
