package com.example.commdemo;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import com.example.commdemo.DemoProtocol.WorkerStatus;
import com.example.commdemo.TaskBoard.WorkerActivity;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.core.env.Environment;

import dev.comm.client.CommClient;
import dev.comm.client.CommPool;
import dev.comm.client.CommReply;

/**
 * The scheduler's run, once its listener is up: launch the workers, ask them all for
 * their status half-way through, wait until they have done every task, wait for them to
 * exit and disconnect, print a summary. Every wait is bounded; a failure is printed as
 * one line and makes the exit code 1.
 */
final class DemoScheduler implements ApplicationRunner, ExitCodeGenerator {

	static final String LISTENER = "workers";

	static final String LISTENER_ADDRESS_PROPERTY = "local.comm.listeners." + LISTENER + ".uri";

	private static final Duration STATUS_TIMEOUT = Duration.ofSeconds(5);

	private static final long POLL_MILLIS = 100;

	private final DemoProperties properties;

	private final TaskBoard board;

	private final WorkerProcesses workers;

	private final WorkerRoster roster;

	private final CommClient comm;

	private final Environment environment;

	private final PrintStream out;

	private volatile int exitCode;

	private boolean statusAsked;

	DemoScheduler(DemoProperties properties, TaskBoard board, WorkerProcesses workers, WorkerRoster roster,
			CommClient comm, Environment environment, PrintStream out) {
		this.properties = properties;
		this.board = board;
		this.workers = workers;
		this.roster = roster;
		this.comm = comm;
		this.environment = environment;
		this.out = out;
	}

	@Override
	public void run(ApplicationArguments args) {
		long started = System.nanoTime();
		try {
			String address = this.environment.getProperty(LISTENER_ADDRESS_PROPERTY);
			if (address == null) {
				throw new DemoFailure("The scheduler has no listener named 'workers' (comm.listeners.workers.uri)");
			}
			this.out.printf("scheduler: listening on %s; starting %d workers for %d tasks%n", address,
					this.properties.workers(), this.board.taskCount());
			this.out.printf("scheduler: Actuator at %s (comm, health, metrics)%n", actuatorUrl());
			if (this.environment.containsProperty(DashboardEndpoint.LISTENER_URI_PROPERTY)) {
				this.out.printf("scheduler: dashboard at %s/%n", serverUrl());
			}
			for (int i = 1; i <= this.properties.workers(); i++) {
				String name = "worker-" + i;
				this.workers.start(name, workerArguments(name, address));
			}
			awaitAllDone(started);
			// when the work went faster than the polling, ask now: whoever is still there
			askStatusHalfway();
			this.workers.awaitExit(this.properties.workerExitTimeout());
			awaitAllDisconnected();
			printSummary(Duration.ofNanos(System.nanoTime() - started));
			linger();
		}
		catch (DemoFailure ex) {
			this.board.abort(ex.getMessage());
			this.workers.close();
			System.err.println("comm demo FAILED: " + ex.getMessage());
			this.exitCode = 1;
		}
	}

	private String serverUrl() {
		return "http://127.0.0.1:" + this.environment.getProperty("local.server.port");
	}

	private String actuatorUrl() {
		return serverUrl() + "/actuator";
	}

	/**
	 * Stay up, so that the Actuator endpoints can be looked at after the work is done.
	 */
	private void linger() {
		Duration linger = this.properties.linger();
		if (linger.isZero()) {
			return;
		}
		this.out.printf("scheduler: staying up for %s (demo.linger): %s/comm%n", DemoProperties.describe(linger),
				actuatorUrl());
		try {
			Thread.sleep(linger.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private List<String> workerArguments(String name, String address) {
		List<String> arguments = new ArrayList<>();
		arguments.add("--demo.role=worker");
		// only the scheduler serves Actuator
		arguments.add("--spring.main.web-application-type=none");
		arguments.add("--comm.client-id=" + name);
		arguments.add("--comm.connectors.scheduler.uri=" + address);
		arguments.add("--comm.connectors.scheduler.reconnect.initial-delay=100ms");
		arguments.add("--demo.work-delay=" + this.properties.workDelay().toMillis() + "ms");
		arguments.add("--demo.scheduler-pid=" + ProcessHandle.current().pid());
		return arguments;
	}

	private void awaitAllDone(long started) {
		long deadline = started + this.properties.timeout().toNanos();
		while (true) {
			try {
				this.board.allDone().get(POLL_MILLIS, TimeUnit.MILLISECONDS);
				return;
			}
			catch (TimeoutException ex) {
				// still working
			}
			catch (ExecutionException ex) {
				throw new DemoFailure("The work failed: " + ex.getCause().getMessage(), ex.getCause());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new DemoFailure("Interrupted while waiting for the workers");
			}
			this.workers.checkRunning("with " + doneSoFar());
			askStatusHalfway();
			if (System.nanoTime() - deadline > 0) {
				throw new DemoFailure("Not done within " + DemoProperties.describe(this.properties.timeout())
						+ " (demo.timeout), " + doneSoFar());
			}
		}
	}

	/**
	 * Once, when half the tasks are done: ask every connected worker what it is doing and
	 * print each answer, or what kept a worker from answering.
	 */
	private void askStatusHalfway() {
		if (this.statusAsked || this.board.doneCount() * 2 < this.board.taskCount()) {
			return;
		}
		this.statusAsked = true;
		CommPool workers = this.comm.peers(LISTENER).withTimeout(STATUS_TIMEOUT);
		List<CommReply<WorkerStatus>> replies = workers.broadcast(DemoProtocol.STATUS, null, WorkerStatus.class);
		long answered = replies.stream().filter(CommReply::isSuccess).count();
		this.out.printf("status: %d of %d workers answered at %s%n", answered, replies.size(), doneSoFar());
		for (CommReply<WorkerStatus> reply : replies) {
			if (!reply.isSuccess()) {
				this.out.printf("  %-10s no answer: %s%n", reply.memberId(), reply.error().getMessage());
				continue;
			}
			WorkerStatus status = reply.value();
			String doing = (status.currentTask() != null) ? "working on task " + status.currentTask() : "between tasks";
			this.out.printf("  %-10s %d tasks done, %s%n", reply.memberId(), status.tasksDone(), doing);
		}
	}

	private void awaitAllDisconnected() {
		try {
			if (!this.roster.awaitAllLeft(this.properties.workers(), this.properties.workerExitTimeout())) {
				throw new DemoFailure("The workers exited, but the scheduler did not see every one disconnect");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DemoFailure("Interrupted while waiting for the workers to disconnect");
		}
	}

	private String doneSoFar() {
		return this.board.doneCount() + " of " + this.board.taskCount() + " tasks done";
	}

	private void printSummary(Duration elapsed) {
		Map<String, WorkerActivity> activity = this.board.activity();
		this.out.println(String.format(Locale.ROOT, "summary: %d/%d tasks done, every result checked, in %.1f s",
				this.board.doneCount(), this.board.taskCount(), elapsed.toMillis() / 1000.0));
		printRow("worker", "tasks", "lookups", "progress", "task ids");
		long tasks = 0;
		long lookups = 0;
		long progress = 0;
		for (Map.Entry<String, WorkerActivity> entry : activity.entrySet()) {
			WorkerActivity worker = entry.getValue();
			String ids = worker.tasksDone().stream().map(String::valueOf).collect(Collectors.joining(", "));
			printRow(entry.getKey(), worker.tasksDone().size(), worker.lookups(), worker.progressMessages(), ids);
			tasks += worker.tasksDone().size();
			lookups += worker.lookups();
			progress += worker.progressMessages();
		}
		printRow("total", tasks, lookups, progress, "");
		this.out.println("all " + this.workers.names().size() + " worker processes exited with code 0");
	}

	private void printRow(Object worker, Object tasks, Object lookups, Object progress, Object taskIds) {
		this.out
			.println(String.format(Locale.ROOT, "  %-10s %5s %8s %9s  %s", worker, tasks, lookups, progress, taskIds)
				.stripTrailing());
	}

	@Override
	public int getExitCode() {
		return this.exitCode;
	}

}
