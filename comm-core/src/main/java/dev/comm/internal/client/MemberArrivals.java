package dev.comm.internal.client;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The event that a pool member may have become live: a connector linked, or a peer
 * completed its handshake with a listener. Pool calls that wait for a member listen here
 * instead of looking again on a timer.
 * <p>
 * One signal for the whole process, not one per pool: a pool's members come from a
 * supplier that may mix any listeners and connectors, so a pool cannot tell which sources
 * to subscribe to. Members arrive rarely, and a waiter that wakes for another pool's
 * member only looks once more and goes back to waiting.
 */
public final class MemberArrivals {

	private static final Set<Runnable> waiters = ConcurrentHashMap.newKeySet();

	private MemberArrivals() {
	}

	/**
	 * Tell every waiting call that a member may have become live. Called by connectors
	 * and listeners; cheap, and never blocks.
	 */
	public static void arrived() {
		for (Runnable waiter : waiters) {
			waiter.run();
		}
	}

	/**
	 * Run {@code waiter} on every arrival from now on, until {@link #stopWaiting}.
	 * @param waiter what to run; must return quickly
	 */
	static void await(Runnable waiter) {
		waiters.add(waiter);
	}

	static void stopWaiting(Runnable waiter) {
		waiters.remove(waiter);
	}

}
