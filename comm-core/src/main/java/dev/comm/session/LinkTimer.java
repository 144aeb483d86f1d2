package dev.comm.session;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The one timer a link runs: first the handshake deadline, then, when both sides agreed
 * on heartbeats, the idle check that probes a quiet peer and gives up on a silent one.
 */
final class LinkTimer {

	/** Intervals of silence after which a peer that does not answer pings is given up. */
	private static final int SILENT_INTERVALS = 3;

	private final ScheduledExecutorService scheduler;

	private volatile long lastReadNanos = System.nanoTime();

	private volatile ScheduledFuture<?> task;

	LinkTimer(ScheduledExecutorService scheduler) {
		this.scheduler = scheduler;
	}

	/**
	 * Note that the peer sent something, whatever it was.
	 */
	void read() {
		this.lastReadNanos = System.nanoTime();
	}

	/**
	 * Run {@code expired} once the handshake timeout passes, unless cancelled first.
	 * @param timeout the handshake timeout
	 * @param expired what to do then
	 */
	void startHandshake(Duration timeout, Runnable expired) {
		this.task = this.scheduler.schedule(expired, timeout.toNanos(), TimeUnit.NANOSECONDS);
	}

	/**
	 * Every interval: {@code ping} when the peer has been quiet for an interval,
	 * {@code silent} when it has been quiet for three.
	 * @param interval the heartbeat interval, positive
	 * @param ping sends a ping
	 * @param silent gives the peer up
	 */
	void startHeartbeat(Duration interval, Runnable ping, Runnable silent) {
		long intervalNanos = interval.toNanos();
		this.task = this.scheduler.scheduleAtFixedRate(() -> {
			long quiet = System.nanoTime() - this.lastReadNanos;
			if (quiet > SILENT_INTERVALS * intervalNanos) {
				silent.run();
			}
			else if (quiet > intervalNanos) {
				ping.run();
			}
		}, intervalNanos, intervalNanos, TimeUnit.NANOSECONDS);
	}

	void cancel() {
		ScheduledFuture<?> current = this.task;
		if (current != null) {
			current.cancel(false);
		}
	}

}
