package dev.comm.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.comm.transport.TlsSettings;

/**
 * A TLS front for a plain TCP service, as a load balancer that terminates TLS would be:
 * it accepts TLS connections on a free loopback port, presenting the certificate of the
 * given settings, and relays the decrypted bytes to the service. It lets the tests reach
 * the local RabbitMQ broker over {@code amqps} without reconfiguring the broker.
 */
public final class TlsTerminatingProxy implements AutoCloseable {

	private final ServerSocket server;

	private final String targetHost;

	private final int targetPort;

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private final Thread acceptor;

	public TlsTerminatingProxy(TlsSettings tls, String targetHost, int targetPort) throws IOException {
		this.server = tls.context()
			.getServerSocketFactory()
			.createServerSocket(0, 50, InetAddress.getLoopbackAddress());
		this.targetHost = targetHost;
		this.targetPort = targetPort;
		this.acceptor = new Thread(this::accept, "tls-proxy-acceptor");
		this.acceptor.setDaemon(true);
		this.acceptor.start();
	}

	public int port() {
		return this.server.getLocalPort();
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket client = this.server.accept();
				Socket target = new Socket(this.targetHost, this.targetPort);
				this.sockets.add(client);
				this.sockets.add(target);
				relay(client, target);
				relay(target, client);
			}
			catch (IOException ex) {
				// closed, or one connection failed: the next accept decides
			}
		}
	}

	private void relay(Socket from, Socket to) {
		Thread relay = new Thread(() -> {
			byte[] buffer = new byte[16 * 1024];
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				int read;
				while ((read = in.read(buffer)) >= 0) {
					out.write(buffer, 0, read);
					out.flush();
				}
			}
			catch (IOException ex) {
				// either side went away (a failed handshake included): close both
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
			}
		}, "tls-proxy-relay");
		relay.setDaemon(true);
		relay.start();
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// already closed
		}
	}

	@Override
	public void close() throws IOException {
		this.server.close();
		this.sockets.forEach(TlsTerminatingProxy::closeQuietly);
	}

}
