package dev.comm.session;

import java.time.Duration;
import java.util.Map;
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
		Pending pending = new Pending(route, new CompletableFuture<>());
		this.byId.put(id, pending);
		pending.timer = this.scheduler.schedule(() -> {
			if (this.byId.remove(id, pending)) {
				pending.reply.completeExceptionally(new CommTimeoutException(route, this.peer, timeout));
			}
		}, timeout.toNanos(), TimeUnit.NANOSECONDS);
		return pending.reply;
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
			pending.reply.complete(payload);
		}
		else {
			pending.reply.completeExceptionally(ErrorBody.toException(type, payload, pending.route));
		}
		return true;
	}

	void fail(String id, Throwable cause) {
		Pending pending = this.byId.remove(id);
		if (pending != null) {
			pending.cancelTimer();
			pending.reply.completeExceptionally(cause);
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

	private static final class Pending {

		private final String route;

		private final CompletableFuture<byte[]> reply;

		private volatile ScheduledFuture<?> timer;

		Pending(String route, CompletableFuture<byte[]> reply) {
			this.route = route;
			this.reply = reply;
		}

		void cancelTimer() {
			// null when the reply won the race against scheduling the timer; the timer
			// then finds
			// nothing to expire
			ScheduledFuture<?> timer = this.timer;
			if (timer != null) {
				timer.cancel(false);
			}
		}

	}

}
