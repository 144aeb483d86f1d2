package dev.comm.benchmarks;

import io.rsocket.RSocket;
import io.rsocket.SocketAcceptor;
import io.rsocket.core.RSocketConnector;
import io.rsocket.core.RSocketServer;
import io.rsocket.frame.decoder.PayloadDecoder;
import io.rsocket.transport.netty.client.TcpClientTransport;
import io.rsocket.transport.netty.server.CloseableChannel;
import io.rsocket.transport.netty.server.TcpServerTransport;

/**
 * An rsocket-java server on a loopback TCP port and one client connected to it, with no
 * Spring and the zero-copy payload decoder on both sides, as rsocket-java's documentation
 * recommends for speed: how the rsocket-java cases run the responder they measure.
 */
public final class RSocketLoopback implements AutoCloseable {

	private final CloseableChannel server;

	private final RSocket client;

	private RSocketLoopback(CloseableChannel server) {
		this.server = server;
		this.client = RSocketConnector.create()
			.payloadDecoder(PayloadDecoder.ZERO_COPY)
			.connect(TcpClientTransport.create("127.0.0.1", server.address().getPort()))
			.block();
	}

	/**
	 * Start a server answering with the responder and connect a client to it.
	 * @param responder what answers every connection
	 * @return the running pair
	 */
	public static RSocketLoopback serve(RSocket responder) {
		return new RSocketLoopback(RSocketServer.create(SocketAcceptor.with(responder))
			.payloadDecoder(PayloadDecoder.ZERO_COPY)
			.bind(TcpServerTransport.create("127.0.0.1", 0))
			.block());
	}

	/**
	 * The connected client.
	 * @return the client
	 */
	public RSocket client() {
		return this.client;
	}

	@Override
	public void close() {
		this.client.dispose();
		this.server.dispose();
	}

}
