package com.example.commdemo;

import java.util.concurrent.CompletableFuture;

import com.example.commdemo.DemoProtocol.Assignment;
import com.example.commdemo.DemoProtocol.DataValue;
import com.example.commdemo.DemoProtocol.Lookup;
import com.example.commdemo.DemoProtocol.Progress;
import com.example.commdemo.DemoProtocol.Receipt;
import com.example.commdemo.DemoProtocol.TaskResult;

import dev.comm.client.CommPeer;
import dev.comm.handler.CommHandler;

/**
 * The routes the scheduler serves to its workers. Each worker is known by the client id
 * it announced when it connected ({@link CommPeer#clientId()}).
 */
class SchedulerHandlers {

	private final TaskBoard board;

	SchedulerHandlers(TaskBoard board) {
		this.board = board;
	}

	/**
	 * The next task for the caller. Replies asynchronously, so that no thread waits while
	 * the first workers wait for the last one to start.
	 * @param worker the caller
	 * @return the assignment, once every worker has asked
	 */
	@CommHandler(DemoProtocol.NEXT_TASK)
	CompletableFuture<Assignment> nextTask(CommPeer worker) {
		String name = worker.clientId();
		return this.board.join(name).thenApply((ready) -> this.board.next(name));
	}

	@CommHandler(DemoProtocol.LOOKUP)
	DataValue lookup(Lookup lookup, CommPeer worker) {
		return new DataValue(lookup.key(), this.board.lookup(worker.clientId(), lookup.key()));
	}

	@CommHandler(DemoProtocol.PROGRESS)
	void progress(Progress progress, CommPeer worker) {
		this.board.progress(worker.clientId());
	}

	@CommHandler(DemoProtocol.DONE)
	Receipt done(TaskResult result, CommPeer worker) {
		return new Receipt(this.board.done(worker.clientId(), result.taskId(), result.sum()));
	}

}
