package com.example.commdemo;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import com.example.commdemo.DemoProtocol.Assignment;
import com.example.commdemo.DemoProtocol.Task;

import dev.comm.RequesterFaultException;
import dev.comm.ResponderFaultException;

/**
 * The scheduler's state: the tasks and the data they need, which worker has which task,
 * and what every worker did. Thread-safe: handlers for all workers run concurrently.
 */
final class TaskBoard {

	private final int expectedWorkers;

	private final Map<Integer, Task> tasks = new LinkedHashMap<>();

	private final Map<String, Long> data = new HashMap<>();

	private final Deque<Task> unassigned = new ArrayDeque<>();

	private final Map<Integer, String> assignedTo = new HashMap<>();

	private final Map<String, WorkerRecord> workers = new TreeMap<>();

	private final List<Consumer<String>> changeListeners = new CopyOnWriteArrayList<>();

	private final CompletableFuture<Void> allJoined = new CompletableFuture<>();

	private final CompletableFuture<Void> allDone = new CompletableFuture<>();

	private int done;

	/**
	 * A board with {@code taskCount} tasks of {@code itemsPerTask} data items each.
	 * @param expectedWorkers how many workers must ask for work before any is handed out
	 * @param taskCount the number of tasks
	 * @param itemsPerTask the data items per task
	 */
	TaskBoard(int expectedWorkers, int taskCount, int itemsPerTask) {
		this.expectedWorkers = expectedWorkers;
		int item = 0;
		for (int id = 1; id <= taskCount; id++) {
			List<String> keys = new ArrayList<>();
			for (int i = 0; i < itemsPerTask; i++) {
				item++;
				String key = "item-" + item;
				this.data.put(key, valueOf(item));
				keys.add(key);
			}
			Task task = new Task(id, List.copyOf(keys));
			this.tasks.put(id, task);
			this.unassigned.add(task);
		}
	}

	private static long valueOf(int item) {
		return (item * 7919L) % 1000;
	}

	/**
	 * Note that a worker is ready for work.
	 * @param worker the worker's client id
	 * @return completes once every expected worker is ready
	 */
	CompletableFuture<Void> join(String worker) {
		boolean everyone;
		synchronized (this) {
			record(worker);
			everyone = this.workers.size() >= this.expectedWorkers;
			changed(worker + " asks for work");
		}
		// outside the lock: completing runs the waiting workers' replies
		if (everyone) {
			this.allJoined.complete(null);
		}
		return this.allJoined;
	}

	/**
	 * Hand the next task to a worker.
	 * @param worker the worker's client id
	 * @return the assignment, without a task when all are handed out
	 */
	synchronized Assignment next(String worker) {
		Task task = this.unassigned.poll();
		if (task == null) {
			return Assignment.noMoreWork();
		}
		this.assignedTo.put(task.id(), worker);
		changed("task " + task.id() + " goes to " + worker);
		return new Assignment(task);
	}

	/**
	 * Serve a data item.
	 * @param worker the worker's client id
	 * @param key the item's key
	 * @return the value
	 * @throws RequesterFaultException if there is no such item
	 */
	synchronized long lookup(String worker, String key) {
		Long value = this.data.get(key);
		if (value == null) {
			throw new RequesterFaultException(404, "No data item '" + key + "'");
		}
		record(worker).lookups++;
		return value;
	}

	/**
	 * Count a progress report.
	 * @param worker the worker's client id
	 */
	synchronized void progress(String worker) {
		record(worker).progressMessages++;
	}

	/**
	 * Accept a task's result after checking it.
	 * @param worker the worker's client id
	 * @param taskId the task
	 * @param sum the result
	 * @return the number of tasks not done yet
	 * @throws RequesterFaultException if the task is not the worker's, is done already,
	 * or the result is wrong
	 */
	synchronized int done(String worker, int taskId, long sum) {
		Task task = this.tasks.get(taskId);
		if (task == null || !worker.equals(this.assignedTo.get(taskId))) {
			throw new RequesterFaultException(409, "Task " + taskId + " is not assigned to " + worker);
		}
		WorkerRecord record = record(worker);
		if (record.tasksDone.contains(taskId)) {
			throw new RequesterFaultException(409, "Task " + taskId + " is done already");
		}
		long expected = task.keys().stream().mapToLong(this.data::get).sum();
		if (sum != expected) {
			throw new RequesterFaultException(422, "Task " + taskId + ": the sum is " + expected + ", not " + sum);
		}
		record.tasksDone.add(taskId);
		this.done++;
		changed(worker + " finished task " + taskId);
		if (this.done == this.tasks.size()) {
			this.allDone.complete(null);
		}
		return this.tasks.size() - this.done;
	}

	/**
	 * Give up: workers still waiting for their first task get an error.
	 * @param reason why
	 */
	void abort(String reason) {
		this.allJoined.completeExceptionally(new ResponderFaultException(503, "The scheduler gave up: " + reason));
	}

	/**
	 * Be told of every change: a worker asking for work, a task handed out, a task done.
	 * The listener runs under the board's lock, so it must only take note and return.
	 * @param listener gets a description of the change
	 */
	void onChange(Consumer<String> listener) {
		this.changeListeners.add(listener);
	}

	private void changed(String description) {
		this.changeListeners.forEach((listener) -> listener.accept(description));
	}

	/**
	 * Where every task stands.
	 * @return the tasks in order, each waiting, being worked on or done
	 */
	synchronized List<TaskState> taskStates() {
		List<TaskState> states = new ArrayList<>();
		for (Integer id : this.tasks.keySet()) {
			String worker = this.assignedTo.get(id);
			boolean finished = worker != null && this.workers.get(worker).tasksDone.contains(id);
			String state = (worker == null) ? TaskState.WAITING : (finished ? TaskState.DONE : TaskState.WORKING);
			states.add(new TaskState(id, state, worker));
		}
		return states;
	}

	private WorkerRecord record(String worker) {
		return this.workers.computeIfAbsent(worker, (name) -> new WorkerRecord());
	}

	/**
	 * Completes when every task is done.
	 * @return the future
	 */
	CompletableFuture<Void> allDone() {
		return this.allDone;
	}

	synchronized int doneCount() {
		return this.done;
	}

	int taskCount() {
		return this.tasks.size();
	}

	/**
	 * What every worker did so far, by client id.
	 * @return the activity of each worker, sorted by client id
	 */
	synchronized Map<String, WorkerActivity> activity() {
		Map<String, WorkerActivity> activity = new LinkedHashMap<>();
		this.workers.forEach((name, record) -> activity.put(name,
				new WorkerActivity(Collections.unmodifiableList(new ArrayList<>(record.tasksDone)), record.lookups,
						record.progressMessages)));
		return activity;
	}

	/**
	 * What one worker did.
	 *
	 * @param tasksDone the tasks it finished, in order
	 * @param lookups the data lookups served to it
	 * @param progressMessages the progress reports it sent
	 */
	record WorkerActivity(List<Integer> tasksDone, long lookups, long progressMessages) {

	}

	/**
	 * Where one task stands.
	 *
	 * @param id the task
	 * @param state {@value #WAITING}, {@value #WORKING} or {@value #DONE}
	 * @param worker the worker it went to, or {@code null} while it waits
	 */
	record TaskState(int id, String state, String worker) {

		static final String WAITING = "waiting";

		static final String WORKING = "working";

		static final String DONE = "done";

	}

	private static final class WorkerRecord {

		private final List<Integer> tasksDone = new ArrayList<>();

		private long lookups;

		private long progressMessages;

	}

}
