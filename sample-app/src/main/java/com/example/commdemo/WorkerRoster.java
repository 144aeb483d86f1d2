package com.example.commdemo;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.springframework.context.event.EventListener;

import dev.comm.autoconfigure.CommPeerConnectedEvent;
import dev.comm.autoconfigure.CommPeerDisconnectedEvent;

/**
 * Which workers are connected to the scheduler, from comm's peer events: each connect and
 * disconnect is printed with the worker's client id.
 */
class WorkerRoster {

	private final PrintStream out;

	private final Set<String> connected = ConcurrentHashMap.newKeySet();

	private final Set<String> seen = ConcurrentHashMap.newKeySet();

	WorkerRoster(PrintStream out) {
		this.out = out;
	}

	@EventListener
	void connected(CommPeerConnectedEvent event) {
		this.connected.add(event.getClientId());
		this.seen.add(event.getClientId());
		this.out.printf("scheduler: %s connected (%d connected)%n", event.getClientId(), this.connected.size());
	}

	@EventListener
	void disconnected(CommPeerDisconnectedEvent event) {
		this.connected.remove(event.getClientId());
		this.out.printf("scheduler: %s disconnected (%d connected)%n", event.getClientId(), this.connected.size());
	}

	/**
	 * Wait until {@code count} workers have connected and all have left again.
	 * @param count the workers started
	 * @param timeout the longest wait
	 * @return whether that happened in time
	 */
	boolean awaitAllLeft(int count, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (this.seen.size() < count || !this.connected.isEmpty()) {
			if (System.nanoTime() - deadline > 0) {
				return false;
			}
			TimeUnit.MILLISECONDS.sleep(20);
		}
		return true;
	}

}
