package dev.comm.transport;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import dev.comm.address.CommAddress;

/**
 * Moves {@link dev.comm.protocol.Frame frames} for one or more URI schemes. A transport
 * knows nothing of handshakes, requests or routes: those are written once, above it.
 * <p>
 * Implementations are thread-safe. {@link #close()} releases threads and sockets;
 * connections and listeners it created are closed with it.
 */
public interface Transport extends AutoCloseable {

	/**
	 * The schemes this transport serves, for example {@code ["tcp"]}.
	 * @return the schemes
	 */
	List<String> schemes();

	/**
	 * Open a connection. The returned connection reads nothing until
	 * {@link Connection#start(FrameReceiver) started}.
	 * @param address where to connect
	 * @param settings limits to apply
	 * @return completes with the connection, or exceptionally with a
	 * {@link dev.comm.CommConnectionLostException} naming the address
	 */
	CompletableFuture<Connection> connect(CommAddress address, TransportSettings settings);

	/**
	 * Start accepting connections. Each accepted connection is handed to
	 * {@code acceptor}, not yet started, on a transport thread; the acceptor must not
	 * block.
	 * @param address where to listen; port 0 binds a free port
	 * @param settings limits to apply
	 * @param acceptor receives accepted connections
	 * @return the bound listener
	 * @throws dev.comm.CommException if the address cannot be bound
	 */
	Listener listen(CommAddress address, TransportSettings settings, Consumer<Connection> acceptor);

	@Override
	void close();

}
