package com.example.commdemo;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import dev.comm.client.CommClient;

/**
 * The scheduler's beans ({@code demo.role=scheduler}, the default). Its listener comes
 * from {@code comm.listeners.workers.uri}, which {@link SocketDirectory} provides.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "demo.role", havingValue = "scheduler", matchIfMissing = true)
class SchedulerConfiguration {

	@Bean
	TaskBoard taskBoard(DemoProperties properties) {
		return new TaskBoard(properties.workers(), properties.tasks(), properties.itemsPerTask());
	}

	@Bean
	SchedulerHandlers schedulerHandlers(TaskBoard taskBoard) {
		return new SchedulerHandlers(taskBoard);
	}

	@Bean
	WorkerProcesses workerProcesses() {
		return new WorkerProcesses(System.out);
	}

	@Bean
	WorkerRoster workerRoster() {
		return new WorkerRoster(System.out);
	}

	@Bean
	@ConditionalOnProperty(name = DashboardEndpoint.LISTENER_URI_PROPERTY)
	DashboardFeed dashboardFeed(TaskBoard taskBoard, WorkerRoster workerRoster, CommClient comm) {
		return new DashboardFeed(taskBoard, workerRoster, comm);
	}

	@Bean
	DemoScheduler demoScheduler(DemoProperties properties, TaskBoard taskBoard, WorkerProcesses workerProcesses,
			WorkerRoster workerRoster, CommClient comm, Environment environment) {
		return new DemoScheduler(properties, taskBoard, workerProcesses, workerRoster, comm, environment, System.out);
	}

}
