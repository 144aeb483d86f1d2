package com.example.commdemo;

import java.util.List;

/**
 * What the scheduler tells the dashboard's pages, over the {@value #LISTENER} ws
 * listener.
 * <ul>
 * <li>{@value #SNAPSHOT}: request from a page, no payload; replies the {@link View} as it
 * is now.</li>
 * <li>{@value #UPDATE}: throw from the scheduler to every page, with the {@link View}
 * after each change: a worker joining or leaving, a task handed out or done.</li>
 * </ul>
 */
public final class DashboardProtocol {

	/** The scheduler's listener for the dashboard's pages. */
	public static final String LISTENER = "dashboard";

	/** Route, served by the scheduler: the dashboard's view now. */
	public static final String SNAPSHOT = "dashboard.snapshot";

	/** Route, served by the pages: the view after a change. */
	public static final String UPDATE = "dashboard.update";

	private DashboardProtocol() {
	}

	/**
	 * Everything the dashboard shows.
	 *
	 * @param workers every worker that connected, by client id
	 * @param tasks every task, in order
	 * @param tasksDone tasks done so far
	 * @param log the latest changes, newest first
	 */
	public record View(List<WorkerView> workers, List<TaskBoard.TaskState> tasks, int tasksDone, List<String> log) {

	}

	/**
	 * One worker on the dashboard.
	 *
	 * @param name its client id
	 * @param connected whether it is connected now
	 * @param tasksDone tasks it finished
	 * @param currentTask the task it works on, or {@code null}
	 */
	public record WorkerView(String name, boolean connected, int tasksDone, Integer currentTask) {

	}

}
