package com.example.commdemo;

import java.util.List;

/**
 * What the scheduler and its workers say to each other: the routes the scheduler serves
 * and their payloads, sent as JSON.
 * <ul>
 * <li>{@value #NEXT_TASK}: request, no payload; replies an {@link Assignment}, which has
 * no task once there is no more work. The first tasks go out once every worker has asked,
 * so that all of them take part.</li>
 * <li>{@value #LOOKUP}: request with a {@link Lookup}; replies a {@link DataValue}.</li>
 * <li>{@value #PROGRESS}: throw (no reply) with a {@link Progress}.</li>
 * <li>{@value #DONE}: request with a {@link TaskResult}; replies a {@link Receipt}, or an
 * error when the result is wrong or the task is not the caller's.</li>
 * </ul>
 */
public final class DemoProtocol {

	/** Route: ask for the next task. */
	public static final String NEXT_TASK = "tasks.next";

	/** Route: look up one data item. */
	public static final String LOOKUP = "data.lookup";

	/** Route: report progress on a task. */
	public static final String PROGRESS = "progress";

	/** Route: hand in the result of a task. */
	public static final String DONE = "tasks.done";

	/** Route, served by the workers: what are you doing? The scheduler broadcasts it. */
	public static final String STATUS = "worker.status";

	private DemoProtocol() {
	}

	/**
	 * A task: add up the values of the data items with these keys.
	 *
	 * @param id the task's number, from 1
	 * @param keys the data items to look up
	 */
	public record Task(int id, List<String> keys) {

	}

	/**
	 * The answer to {@value #NEXT_TASK}.
	 *
	 * @param task the task to do, or {@code null} when there is no more work
	 */
	public record Assignment(Task task) {

		public static Assignment noMoreWork() {
			return new Assignment(null);
		}

	}

	/**
	 * A request for one data item.
	 *
	 * @param key the item's key
	 */
	public record Lookup(String key) {

	}

	/**
	 * One data item.
	 *
	 * @param key the key
	 * @param value the value
	 */
	public record DataValue(String key, long value) {

	}

	/**
	 * Progress on a task.
	 *
	 * @param taskId the task
	 * @param itemsDone items done so far
	 * @param items items in the task
	 */
	public record Progress(int taskId, int itemsDone, int items) {

	}

	/**
	 * The result of a task.
	 *
	 * @param taskId the task
	 * @param sum the sum of its items' values
	 */
	public record TaskResult(int taskId, long sum) {

	}

	/**
	 * The scheduler's receipt for a result.
	 *
	 * @param tasksLeft tasks not done yet, by anyone
	 */
	public record Receipt(int tasksLeft) {

	}

	/**
	 * A worker's answer to the status query.
	 *
	 * @param tasksDone tasks it has finished
	 * @param currentTask the task it works on, or {@code null} between tasks
	 */
	public record WorkerStatus(int tasksDone, Integer currentTask) {

	}

}
