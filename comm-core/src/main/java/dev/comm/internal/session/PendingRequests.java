package dev.comm.internal.session;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import dev.comm.CommTimeoutException;
import dev.comm.protocol.ErrorBody;
import dev.comm.protocol.MessageType;

/**
 * Requests sent on one link and not answered yet, by id. Each ends exactly once: with its
 * reply, a remote error, a timeout, or the link's loss.
 */
final class PendingRequests {

	private final Map<String, Pending> byId = new ConcurrentHashMap<>();

	private final ScheduledExecutorService scheduler;

	private final String peer;

	PendingRequests(ScheduledExecutorService scheduler, String peer) {
		this.scheduler = scheduler;
		this.peer = peer;
	}

	CompletableFuture<byte[]> register(String id, String route, Duration timeout) {
		Pending pending = new Pending(id, route, timeout, new CompletableFuture<>(), this);
		this.byId.put(id, pending);
		pending.timer = this.scheduler.schedule(pending, timeout.toNanos(), TimeUnit.NANOSECONDS);
		return pending.reply;
	}

	/**
	 * Move every request to {@code other}, timers included: a session that survives a
	 * dropped link keeps its requests waiting on the next link.
	 * @param other where replies will be matched from now on
	 */
	void transferTo(PendingRequests other) {
		for (Map.Entry<String, Pending> entry : this.byId.entrySet()) {
			Pending pending = entry.getValue();
			synchronized (pending) {
				if (this.byId.remove(entry.getKey(), pending)) {
					pending.owner = other;
					other.byId.put(entry.getKey(), pending);
				}
			}
		}
	}

	/**
	 * Complete a request with the response that arrived for it.
	 * @return whether a request was waiting for that id
	 */
	boolean complete(String id, int type, byte[] payload) {
		Pending pending = this.byId.remove(id);
		if (pending == null) {
			return false;
		}
		pending.cancelTimer();
		if (type == MessageType.RESPONSE_OK) {
			ReplyCallbacks.complete(pending.reply, payload, null);
		}
		else {
			ReplyCallbacks.complete(pending.reply, null, ErrorBody.toException(type, payload, pending.route));
		}
		return true;
	}

	void fail(String id, Throwable cause) {
		Pending pending = this.byId.remove(id);
		if (pending != null) {
			pending.cancelTimer();
			ReplyCallbacks.complete(pending.reply, null, cause);
		}
	}

	void failAll(Throwable cause) {
		for (String id : this.byId.keySet()) {
			fail(id, cause);
		}
	}

	int size() {
		return this.byId.size();
	}

	/**
	 * A request waiting for its reply; it is its own timer task, since a task wrapping it
	 * would be two more objects per request.
	 */
	private static final class Pending implements Callable<Void> {

		private final String id;

		private final String route;

		private final Duration timeout;

		private final CompletableFuture<byte[]> reply;

		private volatile ScheduledFuture<?> timer;

		/** The requests this one is listed in; changes when a session moves it. */
		private volatile PendingRequests owner;

		Pending(String id, String route, Duration timeout, CompletableFuture<byte[]> reply, PendingRequests owner) {
			this.id = id;
			this.route = route;
			this.timeout = timeout;
			this.reply = reply;
			this.owner = owner;
		}

		@Override
		public Void call() {
			expire();
			return null;
		}

		private void expire() {
			// removed under the same lock as a transfer, so that a request moving to
			// another link at this moment is still found; failed outside it, since the
			// caller's callbacks run there
			PendingRequests current;
			synchronized (this) {
				current = this.owner;
				if (!current.byId.remove(this.id, this)) {
					return;
				}
			}
			ReplyCallbacks.complete(this.reply, null, new CommTimeoutException(this.route, current.peer, this.timeout));
		}

		void cancelTimer() {
			// null when the reply won the race against scheduling
			// the timer; the timer then finds nothing to expire
			ScheduledFuture<?> timer = this.timer;
			if (timer != null) {
				timer.cancel(false);
			}
		}

	}

}
