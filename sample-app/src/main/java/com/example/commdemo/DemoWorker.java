package com.example.commdemo;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

import com.example.commdemo.DemoProtocol.Assignment;
import com.example.commdemo.DemoProtocol.DataValue;
import com.example.commdemo.DemoProtocol.Lookup;
import com.example.commdemo.DemoProtocol.Progress;
import com.example.commdemo.DemoProtocol.Receipt;
import com.example.commdemo.DemoProtocol.Task;
import com.example.commdemo.DemoProtocol.TaskResult;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;

import dev.comm.CommException;
import dev.comm.client.CommClient;
import dev.comm.client.CommTarget;

/**
 * A worker's run: ask the scheduler for tasks until there are none left, looking up the
 * data each one needs and reporting progress on the way, then return so that the process
 * exits. Every call is bounded by the connector's request timeout; a failed call ends the
 * run with exit code 1.
 */
final class DemoWorker implements ApplicationRunner, ExitCodeGenerator {

	static final String CONNECTOR = "scheduler";

	private final CommClient comm;

	private final DemoProperties properties;

	private final WorkerStatusHandler status;

	private final PrintStream out;

	private volatile int exitCode;

	DemoWorker(CommClient comm, DemoProperties properties, WorkerStatusHandler status, PrintStream out) {
		this.comm = comm;
		this.properties = properties;
		this.status = status;
		this.out = out;
	}

	@Override
	public void run(ApplicationArguments args) throws InterruptedException {
		exitWithScheduler();
		CommTarget scheduler = this.comm.to(CONNECTOR);
		int tasks = 0;
		try {
			while (true) {
				Assignment assignment = scheduler.request(DemoProtocol.NEXT_TASK, null, Assignment.class);
				if (assignment.task() == null) {
					break;
				}
				work(scheduler, assignment.task());
				tasks++;
			}
			this.out.println("no more work; did " + tasks + " tasks, exiting");
		}
		catch (CommException ex) {
			System.err.println("worker failed: " + ex.getMessage());
			this.exitCode = 1;
		}
	}

	private void work(CommTarget scheduler, Task task) throws InterruptedException {
		this.status.started(task.id());
		List<String> keys = task.keys();
		long sum = 0;
		for (int i = 0; i < keys.size(); i++) {
			DataValue item = scheduler.request(DemoProtocol.LOOKUP, new Lookup(keys.get(i)), DataValue.class);
			sum += item.value();
			simulateWork(this.properties.workDelay());
			scheduler.send(DemoProtocol.PROGRESS, new Progress(task.id(), i + 1, keys.size()));
		}
		Receipt receipt = scheduler.request(DemoProtocol.DONE, new TaskResult(task.id(), sum), Receipt.class);
		this.status.finished();
		this.out.printf("task %2d done: sum of %d items = %d; %d left%n", task.id(), keys.size(), sum,
				receipt.tasksLeft());
	}

	private static void simulateWork(Duration delay) throws InterruptedException {
		if (!delay.isZero()) {
			Thread.sleep(delay.toMillis());
		}
	}

	/**
	 * A worker has no business outliving the scheduler that launched it, even one that
	 * was killed without a chance to stop its workers.
	 */
	private void exitWithScheduler() {
		Long pid = this.properties.schedulerPid();
		if (pid == null) {
			return;
		}
		ProcessHandle.of(pid)
			.map(ProcessHandle::onExit)
			.ifPresentOrElse((exit) -> exit.thenRun(DemoWorker::schedulerGone), DemoWorker::schedulerGone);
	}

	private static void schedulerGone() {
		System.err.println("the scheduler is gone; exiting");
		Runtime.getRuntime().halt(3);
	}

	@Override
	public int getExitCode() {
		return this.exitCode;
	}

}
