package com.example.commdemo;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.springframework.context.event.EventListener;

import dev.comm.autoconfigure.CommPeerConnectedEvent;
import dev.comm.autoconfigure.CommPeerDisconnectedEvent;
import dev.comm.autoconfigure.CommPeerEvent;

/**
 * Which workers are connected to the scheduler, from comm's peer events on the
 * {@value DemoScheduler#LISTENER} listener: each connect and disconnect is printed with
 * the worker's client id. Peers of other listeners (the dashboard's pages) are not
 * workers.
 */
class WorkerRoster {

	private final PrintStream out;

	private final Set<String> connected = ConcurrentHashMap.newKeySet();

	private final Set<String> seen = ConcurrentHashMap.newKeySet();

	private final List<Consumer<String>> changeListeners = new CopyOnWriteArrayList<>();

	WorkerRoster(PrintStream out) {
		this.out = out;
	}

	@EventListener
	void connected(CommPeerConnectedEvent event) {
		if (!isWorker(event)) {
			return;
		}
		this.connected.add(event.getClientId());
		this.seen.add(event.getClientId());
		this.out.printf("scheduler: %s connected (%d connected)%n", event.getClientId(), this.connected.size());
		changed(event.getClientId() + " connected");
	}

	@EventListener
	void disconnected(CommPeerDisconnectedEvent event) {
		if (!isWorker(event)) {
			return;
		}
		this.connected.remove(event.getClientId());
		this.out.printf("scheduler: %s disconnected (%d connected)%n", event.getClientId(), this.connected.size());
		changed(event.getClientId() + " left");
	}

	private static boolean isWorker(CommPeerEvent event) {
		return DemoScheduler.LISTENER.equals(event.getListenerName());
	}

	/**
	 * Be told when a worker connects or leaves.
	 * @param listener gets a description of the change
	 */
	void onChange(Consumer<String> listener) {
		this.changeListeners.add(listener);
	}

	private void changed(String description) {
		this.changeListeners.forEach((listener) -> listener.accept(description));
	}

	/**
	 * Whether a worker is connected now.
	 * @param worker the worker's client id
	 * @return whether it is
	 */
	boolean isConnected(String worker) {
		return this.connected.contains(worker);
	}

	/**
	 * Every worker that connected so far.
	 * @return their client ids, sorted
	 */
	Set<String> seen() {
		return new TreeSet<>(this.seen);
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
