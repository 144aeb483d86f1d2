package com.example.commdemo;

import java.util.concurrent.atomic.AtomicInteger;

import com.example.commdemo.DemoProtocol.WorkerStatus;

import dev.comm.handler.CommHandler;

/**
 * A worker's answer to the scheduler's status broadcast: the scheduler calls the worker
 * over the worker's own connection, the way the worker calls the scheduler.
 */
class WorkerStatusHandler {

	private final AtomicInteger tasksDone = new AtomicInteger();

	private volatile Integer currentTask;

	void started(int task) {
		this.currentTask = task;
	}

	void finished() {
		this.tasksDone.incrementAndGet();
		this.currentTask = null;
	}

	@CommHandler(DemoProtocol.STATUS)
	WorkerStatus status() {
		return new WorkerStatus(this.tasksDone.get(), this.currentTask);
	}

}
