package dev.comm.internal.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import dev.comm.CommTimeoutException;
import dev.comm.internal.session.Link;

/**
 * Waits for a pool member to turn up: looks once, then again on each
 * {@link MemberArrivals arrival} until it finds one or its time is up.
 */
final class MemberWait {

	private MemberWait() {
	}

	/**
	 * Wait for {@code lookup} to find a member, then for that member's link, all within
	 * {@code timeout}.
	 * @param lookup returns a live member, or {@code null} while there is none
	 * @param timeout how long to wait in all
	 * @param scheduler runs the timeout and the look-ups after an arrival, off the thread
	 * that reported it
	 * @param whatFor describes the awaited member, for the timeout message
	 * @return completes with the member's open link, or exceptionally with
	 * {@link CommTimeoutException}
	 */
	static CompletableFuture<Link> link(Supplier<ReachableMember> lookup, Duration timeout,
			ScheduledExecutorService scheduler, String whatFor) {
		long start = System.nanoTime();
		CompletableFuture<ReachableMember> found = new CompletableFuture<>();
		Runnable look = () -> look(found, lookup);
		Runnable onArrival = () -> scheduler.execute(look);
		// listening before the first look, so that an arrival in between is not missed
		MemberArrivals.await(onArrival);
		var timer = scheduler.schedule(
				() -> found.completeExceptionally(
						new CommTimeoutException("No " + whatFor + " within " + timeout.toMillis() + " ms", timeout)),
				timeout.toNanos(), TimeUnit.NANOSECONDS);
		found.whenComplete((member, ex) -> {
			MemberArrivals.stopWaiting(onArrival);
			timer.cancel(false);
		});
		look.run();
		return found.thenCompose((member) -> member.link(remaining(timeout, start)));
	}

	/**
	 * What is left of a timeout, at least a millisecond.
	 * @param timeout the whole timeout
	 * @param startNanos when the wait began
	 * @return the time left
	 */
	static Duration remaining(Duration timeout, long startNanos) {
		Duration left = timeout.minusNanos(System.nanoTime() - startNanos);
		return (left.toMillis() < 1) ? Duration.ofMillis(1) : left;
	}

	private static void look(CompletableFuture<ReachableMember> found, Supplier<ReachableMember> lookup) {
		if (found.isDone()) {
			return;
		}
		try {
			ReachableMember member = lookup.get();
			if (member != null) {
				found.complete(member);
			}
		}
		catch (RuntimeException ex) {
			found.completeExceptionally(ex);
		}
	}

}
