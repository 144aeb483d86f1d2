package dev.comm.internal.session;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The one timer a link runs: first the handshake deadline, then, when both sides agreed
 * on heartbeats, the idle check that probes a quiet peer and gives up on a silent one.
 */
final class LinkTimer {

	/** Intervals of silence after which a peer that does not answer pings is given up. */
	private static final int SILENT_INTERVALS = 3;

	private final ScheduledExecutorService scheduler;

	/**
	 * Whether the peer sent anything since the last heartbeat tick; a flag rather than a
	 * timestamp, since reading the clock for every frame shows in profiles.
	 */
	private volatile boolean heard = true;

	/**
	 * Heartbeat ticks in a row without a word from the peer; written by the timer's
	 * thread only, once per tick, and read by a listener deciding which link to replace.
	 */
	private volatile int quietTicks;

	private volatile ScheduledFuture<?> task;

	LinkTimer(ScheduledExecutorService scheduler) {
		this.scheduler = scheduler;
	}

	/**
	 * Note that the peer sent something, whatever it was.
	 */
	void read() {
		// written only once per tick, not for every frame
		if (!this.heard) {
			this.heard = true;
		}
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
	 * {@code silent} when it has been quiet for three; while this side is deaf,
	 * {@code ping} every interval and the peer's silence does not count.
	 * @param interval the heartbeat interval, positive
	 * @param ping sends a ping
	 * @param silent gives the peer up
	 * @param deaf whether this side has stopped reading, so that the peer cannot be heard
	 */
	void startHeartbeat(Duration interval, Runnable ping, Runnable silent, BooleanSupplier deaf) {
		long intervalNanos = interval.toNanos();
		this.task = this.scheduler.scheduleAtFixedRate(() -> {
			if (deaf.getAsBoolean()) {
				// silence is this side's doing: count none of it, and keep telling the
				// peer, whose own writes are stuck, that this side is alive
				this.heard = false;
				this.quietTicks = 0;
				ping.run();
			}
			else if (this.heard) {
				this.heard = false;
				this.quietTicks = 0;
			}
			else if (++this.quietTicks >= SILENT_INTERVALS) {
				silent.run();
			}
			else {
				ping.run();
			}
		}, intervalNanos, intervalNanos, TimeUnit.NANOSECONDS);
	}

	/**
	 * Whether the last heartbeat tick sent a ping that the peer has not answered: the
	 * sign of a link that is gone without its transport having noticed.
	 * @return whether a ping is unanswered
	 */
	boolean pingUnanswered() {
		return this.quietTicks > 0 && !this.heard;
	}

	void cancel() {
		ScheduledFuture<?> current = this.task;
		if (current != null) {
			current.cancel(false);
		}
	}

}
