package dev.comm.benchmarks.streams;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBufUtil;
import io.rsocket.Payload;
import io.rsocket.RSocket;
import io.rsocket.util.DefaultPayload;
import reactor.core.publisher.Flux;

import dev.comm.benchmarks.RSocketLoopback;

/**
 * rsocket-java's request-stream over TCP, with no Spring and the zero-copy payload
 * decoder, as its documentation recommends for speed. The caller subscribes the way a
 * Reactor user does, with {@code count()}, which asks for everything at once;
 * rsocket-java then sends it as the server produces it.
 */
final class RSocketStreamSubject implements StreamSubject {

	private final RSocketLoopback loopback;

	private final RSocket client;

	RSocketStreamSubject() {
		RSocket responder = new RSocket() {
			@Override
			public Flux<Payload> requestStream(Payload request) {
				int items;
				try {
					items = Integer.parseInt(request.getDataUtf8());
				}
				finally {
					request.release();
				}
				return Flux.range(0, items).map((sequence) -> DefaultPayload.create(Tick.toJson(Tick.at(sequence))));
			}
		};
		this.loopback = RSocketLoopback.serve(responder);
		this.client = this.loopback.client();
	}

	@Override
	public String name() {
		return "rsocket-java";
	}

	@Override
	public long consume(int items) {
		Long count = this.client
			.requestStream(DefaultPayload.create(Integer.toString(items).getBytes(StandardCharsets.US_ASCII)))
			.map(RSocketStreamSubject::read)
			.count()
			.block();
		return (count != null) ? count : 0;
	}

	private static Tick read(Payload payload) {
		try {
			return Tick.fromJson(ByteBufUtil.getBytes(payload.sliceData()));
		}
		finally {
			payload.release();
		}
	}

	@Override
	public void close() {
		this.loopback.close();
	}

}
