package dev.comm.internal.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import dev.comm.CommTimeoutException;
import dev.comm.internal.session.Link;

/**
 * Waits for a pool member to turn up. Members come from several sources (connectors that
 * reconnect, peers that connect to listeners), so instead of subscribing to each source
 * the wait looks again every few milliseconds until it finds one or its time is up.
 */
final class MemberWait {

	private static final long RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

	private MemberWait() {
	}

	/**
	 * Wait for {@code lookup} to find a member, then for that member's link, all within
	 * {@code timeout}.
	 * @param lookup returns a live member, or {@code null} while there is none
	 * @param timeout how long to wait in all
	 * @param scheduler runs the re-checks
	 * @param whatFor describes the awaited member, for the timeout message
	 * @return completes with the member's open link, or exceptionally with
	 * {@link CommTimeoutException}
	 */
	static CompletableFuture<Link> link(Supplier<ReachableMember> lookup, Duration timeout,
			ScheduledExecutorService scheduler, String whatFor) {
		long start = System.nanoTime();
		CompletableFuture<ReachableMember> found = new CompletableFuture<>();
		check(found, lookup, start + timeout.toNanos(), timeout, scheduler, whatFor);
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

	private static void check(CompletableFuture<ReachableMember> found, Supplier<ReachableMember> lookup, long deadline,
			Duration timeout, ScheduledExecutorService scheduler, String whatFor) {
		ReachableMember member;
		try {
			member = lookup.get();
		}
		catch (RuntimeException ex) {
			found.completeExceptionally(ex);
			return;
		}
		if (member != null) {
			found.complete(member);
			return;
		}
		long left = deadline - System.nanoTime();
		if (left <= 0) {
			found.completeExceptionally(
					new CommTimeoutException("No " + whatFor + " within " + timeout.toMillis() + " ms", timeout));
			return;
		}
		scheduler.schedule(() -> check(found, lookup, deadline, timeout, scheduler, whatFor),
				Math.min(left, RECHECK_NANOS), TimeUnit.NANOSECONDS);
	}

}
