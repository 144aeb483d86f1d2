package dev.comm.benchmarks.curves;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import io.netty.buffer.ByteBufUtil;
import io.rsocket.Payload;
import io.rsocket.RSocket;
import io.rsocket.SocketAcceptor;
import io.rsocket.core.RSocketConnector;
import io.rsocket.core.RSocketServer;
import io.rsocket.frame.decoder.PayloadDecoder;
import io.rsocket.transport.netty.client.TcpClientTransport;
import io.rsocket.transport.netty.server.CloseableChannel;
import io.rsocket.transport.netty.server.TcpServerTransport;
import io.rsocket.util.DefaultPayload;
import reactor.core.publisher.Mono;

/**
 * rsocket-java alone, as in the cases: one server, request-response, zero-copy payloads,
 * and as many client connections as a curve asks for.
 */
final class RSocketEcho implements EchoStack {

	private final CloseableChannel server;

	private final List<RSocket> clients = new ArrayList<>();

	RSocketEcho(int connections) {
		RSocket responder = new RSocket() {
			@Override
			public Mono<Payload> requestResponse(Payload payload) {
				return Mono.just(DefaultPayload.create(Blob.toJson(read(payload).next())));
			}
		};
		this.server = RSocketServer.create(SocketAcceptor.with(responder))
			.payloadDecoder(PayloadDecoder.ZERO_COPY)
			.bind(TcpServerTransport.create("127.0.0.1", 0))
			.block();
		for (int i = 0; i < connections; i++) {
			this.clients.add(RSocketConnector.create()
				.payloadDecoder(PayloadDecoder.ZERO_COPY)
				.connect(TcpClientTransport.create("127.0.0.1", this.server.address().getPort()))
				.block());
		}
	}

	static Blob read(Payload payload) {
		try {
			return Blob.fromJson(ByteBufUtil.getBytes(payload.sliceData()));
		}
		finally {
			payload.release();
		}
	}

	@Override
	public String name() {
		return "rsocket-java";
	}

	@Override
	public List<Function<Blob, CompletableFuture<Blob>>> connections() {
		return this.clients.stream()
			.<Function<Blob, CompletableFuture<Blob>>>map(
					(client) -> (blob) -> client.requestResponse(DefaultPayload.create(Blob.toJson(blob)))
						.map(RSocketEcho::read)
						.toFuture())
			.toList();
	}

	@Override
	public void close() {
		this.clients.forEach(RSocket::dispose);
		this.server.dispose();
	}

}
