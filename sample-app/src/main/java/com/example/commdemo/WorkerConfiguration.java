package com.example.commdemo;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.comm.client.CommClient;

/**
 * A worker's beans ({@code demo.role=worker}). It dials the scheduler through the
 * connector {@code comm.connectors.scheduler.uri}, which the scheduler passes on the
 * command line together with the worker's {@code comm.client-id}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "demo.role", havingValue = "worker")
class WorkerConfiguration {

	@Bean
	WorkerStatusHandler workerStatusHandler() {
		return new WorkerStatusHandler();
	}

	@Bean
	DemoWorker demoWorker(CommClient comm, DemoProperties properties, WorkerStatusHandler status) {
		return new DemoWorker(comm, properties, status, System.out);
	}

}
