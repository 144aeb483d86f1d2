package dev.comm.internal.concurrent;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks one at a time, in the order they were submitted, on threads of another
 * executor, holding none of them while idle. It lets a thread that must not block (an I/O
 * thread, a timer) hand work to a pool while keeping that work in order, as one
 * connection's blocking writes or one application's event notices need.
 * <p>
 * A task that throws is logged and the next one runs. When the executor underneath
 * refuses to run the queue (it has shut down), every task still waiting goes to the
 * {@code rejected} callback instead, on the thread that found it refusing, so that none
 * is lost unnoticed.
 */
public final class SerialExecutor implements Executor {

	private static final Logger logger = LoggerFactory.getLogger(SerialExecutor.class);

	private final Executor executor;

	private final Consumer<Runnable> rejected;

	private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();

	private final AtomicBoolean scheduled = new AtomicBoolean();

	private final Runnable drain = this::drain;

	/**
	 * Create a serial executor.
	 * @param executor where the tasks run
	 * @param rejected told of each task that will not run because {@code executor}
	 * refused it
	 */
	public SerialExecutor(Executor executor, Consumer<Runnable> rejected) {
		this.executor = executor;
		this.rejected = rejected;
	}

	/**
	 * Run a task after every task submitted before it.
	 * @param task the task
	 */
	@Override
	public void execute(Runnable task) {
		this.tasks.add(task);
		schedule();
	}

	private void schedule() {
		if (this.tasks.isEmpty() || !this.scheduled.compareAndSet(false, true)) {
			return;
		}
		try {
			this.executor.execute(this.drain);
		}
		catch (RuntimeException ex) {
			this.scheduled.set(false);
			Runnable task;
			while ((task = this.tasks.poll()) != null) {
				this.rejected.accept(task);
			}
		}
	}

	private void drain() {
		try {
			Runnable task;
			while ((task = this.tasks.poll()) != null) {
				try {
					task.run();
				}
				catch (RuntimeException ex) {
					logger.warn("A task run in order on {} failed", this.executor, ex);
				}
			}
		}
		finally {
			this.scheduled.set(false);
			// a task queued between the last poll and the reset above still gets its
			// turn, and so do those behind an error that ended this run
			schedule();
		}
	}

}
