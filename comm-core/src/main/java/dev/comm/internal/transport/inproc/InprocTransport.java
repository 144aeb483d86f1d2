package dev.comm.internal.transport.inproc;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import dev.comm.CommConnectionLostException;
import dev.comm.CommException;
import dev.comm.address.CommAddress;
import dev.comm.transport.Connection;
import dev.comm.transport.Listener;
import dev.comm.transport.Transport;
import dev.comm.transport.TransportSettings;

/**
 * {@code inproc://name}: peers in the same JVM exchange frame objects with no bytes in
 * between. Names are visible JVM-wide, like a port on a host, so separate application
 * contexts in one process can reach each other.
 */
public class InprocTransport implements Transport {

	private static final Map<String, Bound> LISTENERS = new ConcurrentHashMap<>();

	private final ExecutorService delivery = Executors.newCachedThreadPool(runnable -> {
		Thread thread = new Thread(runnable, "comm-inproc");
		thread.setDaemon(true);
		return thread;
	});

	@Override
	public List<String> schemes() {
		return List.of("inproc");
	}

	@Override
	public CompletableFuture<Connection> connect(CommAddress address, TransportSettings settings) {
		Bound bound = LISTENERS.get(address.host());
		if (bound == null) {
			return CompletableFuture.failedFuture(
					new CommConnectionLostException("Cannot connect to " + address + ": nothing listens there"));
		}
		// each end checks what it receives against its own side's limit
		InprocConnection client = new InprocConnection(address + " (listener)", this.delivery, settings.maxFrameSize());
		InprocConnection server = new InprocConnection(address + " (client)", this.delivery, bound.maxFrameSize());
		client.pairWith(server);
		server.pairWith(client);
		bound.acceptor().accept(server);
		return CompletableFuture.completedFuture(client);
	}

	@Override
	public Listener listen(CommAddress address, TransportSettings settings, Consumer<Connection> acceptor) {
		Bound bound = new Bound(acceptor, settings.maxFrameSize());
		if (LISTENERS.putIfAbsent(address.host(), bound) != null) {
			throw new CommException("Cannot listen on " + address + ": the name is taken in this JVM");
		}
		return new Listener() {
			@Override
			public CommAddress address() {
				return address;
			}

			@Override
			public void close() {
				LISTENERS.remove(address.host(), bound);
			}
		};
	}

	@Override
	public void close() {
		this.delivery.shutdown();
	}

	private record Bound(Consumer<Connection> acceptor, int maxFrameSize) {
	}

}
