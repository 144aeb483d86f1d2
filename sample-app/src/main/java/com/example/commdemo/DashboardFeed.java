package com.example.commdemo;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.example.commdemo.DashboardProtocol.View;
import com.example.commdemo.DashboardProtocol.WorkerView;
import com.example.commdemo.TaskBoard.TaskState;
import com.example.commdemo.TaskBoard.WorkerActivity;

import dev.comm.CommException;
import dev.comm.client.CommClient;
import dev.comm.handler.CommHandler;

/**
 * The dashboard's comm side: answers a page's {@value DashboardProtocol#SNAPSHOT} and,
 * after every change on the board or in the roster, throws the new view to every
 * connected page. Pages are peers of the {@value DashboardProtocol#LISTENER} listener,
 * which calls them over their own WebSocket connections, as the scheduler calls its
 * workers.
 */
class DashboardFeed implements AutoCloseable {

	private static final int LOG_LINES = 14;

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

	private final TaskBoard board;

	private final WorkerRoster roster;

	private final CommClient comm;

	private final Deque<String> log = new ArrayDeque<>();

	// one thread, so that pages get the updates in order and no worker's handler waits
	// for a page
	private final ExecutorService pusher = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "dashboard-feed");
		thread.setDaemon(true);
		return thread;
	});

	DashboardFeed(TaskBoard board, WorkerRoster roster, CommClient comm) {
		this.board = board;
		this.roster = roster;
		this.comm = comm;
		board.onChange(this::changed);
		roster.onChange(this::changed);
	}

	@CommHandler(DashboardProtocol.SNAPSHOT)
	View snapshot() {
		return view();
	}

	private void changed(String description) {
		synchronized (this.log) {
			this.log.addFirst(LocalTime.now().format(TIME) + "  " + description);
			while (this.log.size() > LOG_LINES) {
				this.log.removeLast();
			}
		}
		this.pusher.execute(this::push);
	}

	private void push() {
		try {
			this.comm.peers(DashboardProtocol.LISTENER).sendAll(DashboardProtocol.UPDATE, view());
		}
		catch (CommException ex) {
			// a page that just left misses this update; it asks for a snapshot when it
			// comes back
		}
	}

	View view() {
		Map<String, WorkerActivity> activity = this.board.activity();
		List<TaskState> tasks = this.board.taskStates();
		List<WorkerView> workers = new ArrayList<>();
		for (String name : this.roster.seen()) {
			WorkerActivity done = activity.get(name);
			Integer current = tasks.stream()
				.filter((task) -> name.equals(task.worker()) && TaskState.WORKING.equals(task.state()))
				.map(TaskState::id)
				.findFirst()
				.orElse(null);
			workers.add(new WorkerView(name, this.roster.isConnected(name),
					(done != null) ? done.tasksDone().size() : 0, current));
		}
		List<String> lines;
		synchronized (this.log) {
			lines = List.copyOf(this.log);
		}
		return new View(workers, tasks, this.board.doneCount(), lines);
	}

	@Override
	public void close() {
		this.pusher.shutdownNow();
	}

}
