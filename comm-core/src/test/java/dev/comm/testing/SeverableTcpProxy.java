package dev.comm.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.comm.transport.TlsSettings;

/**
 * A TCP forwarder for tests that must cut a link the way a network does: {@link #sever()}
 * drops every forwarded connection at once, without either end saying goodbye, and
 * {@link #refuse(boolean)} keeps new connections out until the test lets them in again.
 * The target can change, to put a new server process behind the same address. As
 * {@link #terminatingTls a TLS front}, it stands for a load balancer that terminates TLS
 * before a plain TCP service.
 */
public final class SeverableTcpProxy implements AutoCloseable {

	private final ServerSocket server;

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private volatile InetSocketAddress target;

	private volatile boolean refusing;

	private volatile boolean holdingToTarget;

	private volatile boolean holdingFromTarget;

	private volatile boolean closed;

	/**
	 * Start forwarding.
	 * @param targetPort the port on 127.0.0.1 to forward to
	 */
	public SeverableTcpProxy(int targetPort) throws IOException {
		this(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()),
				new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort));
	}

	/**
	 * Start a TLS front: accept TLS connections, presenting the certificate of the given
	 * settings, and forward what they carry, decrypted, to a plain TCP service.
	 * @param tls the settings whose certificate the front presents
	 * @param targetHost the service's host
	 * @param targetPort the service's port
	 * @return the started front; its {@link #port()} takes TLS
	 */
	public static SeverableTcpProxy terminatingTls(TlsSettings tls, String targetHost, int targetPort)
			throws IOException {
		return new SeverableTcpProxy(
				tls.context().getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress()),
				new InetSocketAddress(targetHost, targetPort));
	}

	private SeverableTcpProxy(ServerSocket server, InetSocketAddress target) {
		this.server = server;
		this.target = target;
		Thread acceptor = new Thread(this::acceptLoop, "test-proxy-accept");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	/**
	 * The proxy's own address.
	 * @return a tcp URI
	 */
	public String uri() {
		return "tcp://127.0.0.1:" + port();
	}

	public int port() {
		return this.server.getLocalPort();
	}

	/**
	 * Forward new connections to another port.
	 * @param targetPort the port on 127.0.0.1
	 */
	public void retarget(int targetPort) {
		this.target = new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort);
	}

	/**
	 * Whether to close new connections at once instead of forwarding them.
	 * @param refuse whether to refuse
	 */
	public void refuse(boolean refuse) {
		this.refusing = refuse;
	}

	/**
	 * Stop forwarding, or forward again: what the proxy reads meanwhile waits in it, and
	 * is lost if the connection is severed first, as bytes in a dying network path are.
	 * @param toTarget hold what the client sends
	 * @param fromTarget hold what the target sends back
	 */
	public void hold(boolean toTarget, boolean fromTarget) {
		this.holdingToTarget = toTarget;
		this.holdingFromTarget = fromTarget;
	}

	/**
	 * Drop every forwarded connection.
	 */
	public void sever() {
		for (Socket socket : this.sockets) {
			closeQuietly(socket);
		}
		this.sockets.clear();
	}

	private void acceptLoop() {
		while (!this.closed) {
			try {
				Socket client = this.server.accept();
				if (this.refusing) {
					closeQuietly(client);
					continue;
				}
				Socket upstream = new Socket();
				try {
					upstream.connect(this.target, 5000);
				}
				catch (IOException ex) {
					closeQuietly(client);
					closeQuietly(upstream);
					continue;
				}
				this.sockets.add(client);
				this.sockets.add(upstream);
				pump(client, upstream, true);
				pump(upstream, client, false);
			}
			catch (IOException ex) {
				// closed
			}
		}
	}

	private void pump(Socket from, Socket to, boolean toTarget) {
		Thread thread = new Thread(() -> {
			byte[] buffer = new byte[8192];
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				int read;
				while ((read = in.read(buffer)) >= 0) {
					while ((toTarget ? this.holdingToTarget : this.holdingFromTarget) && !to.isClosed()) {
						Thread.sleep(5);
					}
					out.write(buffer, 0, read);
					out.flush();
				}
			}
			catch (IOException ex) {
				// severed or closed: the other direction notices too
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
			}
		}, "test-proxy-pump");
		thread.setDaemon(true);
		thread.start();
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// already gone
		}
	}

	@Override
	public void close() {
		this.closed = true;
		closeQuietly(this.server);
		sever();
	}

	private static void closeQuietly(ServerSocket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// already gone
		}
	}

}
