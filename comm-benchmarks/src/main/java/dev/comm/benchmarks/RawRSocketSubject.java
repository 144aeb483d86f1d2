package dev.comm.benchmarks;

import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.rsocket.Payload;
import io.rsocket.RSocket;
import io.rsocket.util.DefaultPayload;
import reactor.core.publisher.Mono;

/**
 * rsocket-java with no Spring: request-response and fire-and-forget over TCP, with the
 * zero-copy payload decoder its documentation recommends for speed.
 */
final class RawRSocketSubject implements Subject {

	private final LongAdder received = new LongAdder();

	private final RSocketLoopback loopback;

	private final RSocket client;

	RawRSocketSubject() {
		RSocket responder = new RSocket() {
			@Override
			public Mono<Payload> requestResponse(Payload payload) {
				Quote quote = read(payload);
				return Mono.just(DefaultPayload.create(Quote.toJson(quote.next())));
			}

			@Override
			public Mono<Void> fireAndForget(Payload payload) {
				read(payload);
				RawRSocketSubject.this.received.increment();
				return Mono.empty();
			}
		};
		this.loopback = RSocketLoopback.serve(responder);
		this.client = this.loopback.client();
	}

	private static Quote read(Payload payload) {
		try {
			ByteBuf data = payload.sliceData();
			return Quote.fromJson(ByteBufUtil.getBytes(data));
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
	public Family family() {
		return Family.RSOCKET;
	}

	@Override
	public Set<Shape> shapes() {
		return EnumSet.allOf(Shape.class);
	}

	@Override
	public CompletableFuture<Quote> request(Quote quote) {
		return this.client.requestResponse(DefaultPayload.create(Quote.toJson(quote)))
			.map(RawRSocketSubject::read)
			.toFuture();
	}

	@Override
	public void fire(Quote quote) {
		this.client.fireAndForget(DefaultPayload.create(Quote.toJson(quote))).subscribe();
	}

	@Override
	public long received() {
		return this.received.sum();
	}

	@Override
	public void close() {
		this.loopback.close();
	}

}
