package com.example.commdemo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import com.example.commdemo.DemoProtocol.Assignment;
import com.example.commdemo.DemoProtocol.DataValue;
import com.example.commdemo.DemoProtocol.Lookup;
import com.example.commdemo.DemoProtocol.Progress;
import com.example.commdemo.DemoProtocol.Task;
import com.example.commdemo.DemoProtocol.TaskResult;
import com.example.commdemo.TaskBoard.WorkerActivity;
import org.junit.jupiter.api.Test;

import dev.comm.RequesterFaultException;
import dev.comm.ResponderFaultException;
import dev.comm.client.CommPeer;
import dev.comm.client.CommTarget;
import dev.comm.client.ReplyType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The scheduler's routes, called directly as the dispatcher would, with callers told
 * apart by their client ids.
 */
class SchedulerHandlersTests {

	private final TaskBoard board = new TaskBoard(2, 3, 2);

	private final SchedulerHandlers handlers = new SchedulerHandlers(this.board);

	private final CommPeer one = new Caller("worker-1");

	private final CommPeer two = new Caller("worker-2");

	/** The same data, for working out the right results without touching the board. */
	private final TaskBoard reference = new TaskBoard(2, 3, 2);

	@Test
	void noTaskIsHandedOutUntilEveryWorkerHasAsked() {
		CompletableFuture<Assignment> first = this.handlers.nextTask(this.one);
		assertThat(first).isNotDone();
		CompletableFuture<Assignment> second = this.handlers.nextTask(this.two);
		assertThat(first).isCompleted();
		assertThat(second).isCompleted();
		assertThat(List.of(first.join().task().id(), second.join().task().id())).containsExactlyInAnyOrder(1, 2);
	}

	@Test
	void everyTaskIsHandedOutOnceThenThereIsNoMoreWork() {
		this.handlers.nextTask(this.one);
		List<Task> tasks = new ArrayList<>();
		tasks.add(this.handlers.nextTask(this.two).join().task());
		tasks.add(this.handlers.nextTask(this.two).join().task());
		assertThat(this.handlers.nextTask(this.two).join().task()).isNull();
		assertThat(this.handlers.nextTask(this.one).join()).isEqualTo(Assignment.noMoreWork());
		assertThat(tasks).extracting(Task::id).containsExactly(2, 3);
		assertThat(tasks).allSatisfy((task) -> assertThat(task.keys()).hasSize(2));
	}

	@Test
	void lookupServesTheDataAndRejectsUnknownKeys() {
		DataValue value = this.handlers.lookup(new Lookup("item-1"), this.one);
		assertThat(value).isEqualTo(new DataValue("item-1", 919));
		assertThatExceptionOfType(RequesterFaultException.class)
			.isThrownBy(() -> this.handlers.lookup(new Lookup("item-99"), this.one))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(404));
	}

	@Test
	void resultsAreCheckedAndCountedForTheWorkerThatDidTheTask() {
		Task task = startBoth().get(0);
		assertThatExceptionOfType(RequesterFaultException.class)
			.isThrownBy(() -> this.handlers.done(new TaskResult(task.id(), sum(task) + 1), this.one))
			.withMessageContaining("the sum is " + sum(task));
		assertThatExceptionOfType(RequesterFaultException.class)
			.isThrownBy(() -> this.handlers.done(new TaskResult(task.id(), sum(task)), this.two))
			.withMessageContaining("not assigned to worker-2");
		assertThat(this.handlers.done(new TaskResult(task.id(), sum(task)), this.one).tasksLeft()).isEqualTo(2);
		assertThatExceptionOfType(RequesterFaultException.class)
			.isThrownBy(() -> this.handlers.done(new TaskResult(task.id(), sum(task)), this.one))
			.withMessageContaining("done already");
		assertThat(this.board.activity().get("worker-1").tasksDone()).containsExactly(task.id());
	}

	@Test
	void allDoneCompletesWithTheLastResultAndActivityIsTrackedPerWorker() {
		List<Task> started = startBoth();
		Task a = started.get(0);
		Task b = started.get(1);
		Task c = this.handlers.nextTask(this.two).join().task();
		for (Task task : List.of(a, b, c)) {
			CommPeer worker = (task == a) ? this.one : this.two;
			for (int i = 0; i < task.keys().size(); i++) {
				this.handlers.lookup(new Lookup(task.keys().get(i)), worker);
				this.handlers.progress(new Progress(task.id(), i + 1, task.keys().size()), worker);
			}
			assertThat(this.board.allDone()).isNotDone();
			this.handlers.done(new TaskResult(task.id(), sum(task)), worker);
		}
		assertThat(this.board.allDone()).isCompleted();
		assertThat(this.board.activity()).containsEntry("worker-1", new WorkerActivity(List.of(a.id()), 2, 2))
			.containsEntry("worker-2", new WorkerActivity(List.of(b.id(), c.id()), 4, 4));
	}

	@Test
	void abortAnswersWorkersStillWaitingForTheirFirstTask() {
		CompletableFuture<Assignment> waiting = this.handlers.nextTask(this.one);
		this.board.abort("worker-2 exited");
		assertThat(waiting).failsWithin(Duration.ofSeconds(1))
			.withThrowableOfType(ExecutionException.class)
			.havingRootCause()
			.isInstanceOf(ResponderFaultException.class)
			.withMessageContaining("worker-2 exited");
	}

	/**
	 * Both workers ask for work.
	 * @return the first task of worker-1, then that of worker-2
	 */
	private List<Task> startBoth() {
		CompletableFuture<Assignment> first = this.handlers.nextTask(this.one);
		CompletableFuture<Assignment> second = this.handlers.nextTask(this.two);
		return List.of(first.join().task(), second.join().task());
	}

	private long sum(Task task) {
		return task.keys().stream().mapToLong((key) -> this.reference.lookup("test", key)).sum();
	}

	/**
	 * A caller that only has a name: these handlers never call back.
	 */
	private record Caller(String clientId) implements CommPeer {

		@Override
		public String remoteAddress() {
			return "test";
		}

		@Override
		public <T> T request(String route, Object payload, Class<T> replyType) {
			throw new UnsupportedOperationException();
		}

		@Override
		public <T> T request(String route, Object payload, ReplyType<T> replyType) {
			throw new UnsupportedOperationException();
		}

		@Override
		public <T> CompletableFuture<T> requestAsync(String route, Object payload, Class<T> replyType) {
			throw new UnsupportedOperationException();
		}

		@Override
		public <T> CompletableFuture<T> requestAsync(String route, Object payload, ReplyType<T> replyType) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void send(String route, Object payload) {
			throw new UnsupportedOperationException();
		}

		@Override
		public CommTarget withTimeout(Duration timeout) {
			throw new UnsupportedOperationException();
		}

	}

}
