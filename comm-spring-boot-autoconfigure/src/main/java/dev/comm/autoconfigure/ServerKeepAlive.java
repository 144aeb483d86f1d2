package dev.comm.autoconfigure;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the JVM alive while a listener runs, as Spring Boot's embedded web servers do
 * with their await thread. comm's own threads (event loops, handlers, timers) are
 * daemons, so that a process with only connectors ends when its work is done; without
 * this, a process whose only work is to serve comm peers would exit right after startup.
 * <p>
 * While at least one listener is held, a SIGTERM closes the application gracefully (the
 * shutdown hook stops accepting and lets running handlers finish) and the process exits
 * with status 0, not the JVM's 143: for a server, being asked to stop and stopping is
 * success.
 */
final class ServerKeepAlive {

	private static final Logger logger = LoggerFactory.getLogger(ServerKeepAlive.class);

	private static final long JOIN_BOUND_MILLIS = 5_000;

	private static final Object lock = new Object();

	private static int held;

	private static TerminationSignal termination;

	private final CountDownLatch released = new CountDownLatch(1);

	private final AtomicBoolean releasing = new AtomicBoolean();

	private final Thread thread;

	private ServerKeepAlive(String listenerName) {
		this.thread = new Thread(this::awaitRelease, "comm-listener-" + listenerName);
		// what keeps the JVM up: the one non-daemon thread a comm server has
		this.thread.setDaemon(false);
		this.thread.start();
	}

	/**
	 * Keep the JVM alive for a listener that has started.
	 * @param listenerName the listener's name, for the thread's name
	 * @return the hold to {@link #release()} once the listener has stopped
	 */
	static ServerKeepAlive hold(String listenerName) {
		synchronized (lock) {
			if (held++ == 0) {
				termination = TerminationSignal.install();
			}
		}
		return new ServerKeepAlive(listenerName);
	}

	/**
	 * Let the JVM exit as far as this listener is concerned, and wait for the await
	 * thread to end, so that once this returns the listener holds nothing. Releasing
	 * twice does nothing.
	 */
	void release() {
		if (!this.releasing.compareAndSet(false, true)) {
			return;
		}
		this.released.countDown();
		awaitThreadEnd();
		synchronized (lock) {
			if (--held == 0 && termination != null) {
				termination.restore();
				termination = null;
			}
		}
	}

	private void awaitThreadEnd() {
		try {
			// the thread has nothing left to do but return; the bound only guards a stop
			// path against a thread the JVM is slow to schedule
			this.thread.join(JOIN_BOUND_MILLIS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void awaitRelease() {
		try {
			this.released.await();
		}
		catch (InterruptedException ex) {
			// interrupting the await thread is asking it to end; the listener runs on
			logger.debug("{} interrupted: the JVM may exit while its listener runs", Thread.currentThread().getName());
		}
	}

}
