package dev.comm.benchmarks;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;

import io.rsocket.core.RSocketServer;
import io.rsocket.transport.netty.server.CloseableChannel;
import io.rsocket.transport.netty.server.TcpServerTransport;

import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.http.codec.json.JacksonJsonEncoder;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.rsocket.RSocketRequester;
import org.springframework.messaging.rsocket.RSocketStrategies;
import org.springframework.messaging.rsocket.annotation.support.RSocketMessageHandler;
import org.springframework.stereotype.Controller;
import org.springframework.util.MimeTypeUtils;

/**
 * Spring's RSocket support as a Spring Boot application gets it: a {@code @Controller}
 * with {@code @MessageMapping} methods behind an {@link RSocketMessageHandler}, and an
 * {@link RSocketRequester}, both with JSON through Jackson, over TCP.
 */
final class SpringRSocketSubject implements Subject {

	private final QuoteController controller = new QuoteController();

	private final CloseableChannel server;

	private final RSocketRequester requester;

	SpringRSocketSubject() {
		RSocketStrategies strategies = RSocketStrategies.builder()
			.encoder(new JacksonJsonEncoder())
			.decoder(new JacksonJsonDecoder())
			.build();
		RSocketMessageHandler handler = new RSocketMessageHandler();
		handler.setRSocketStrategies(strategies);
		handler.setHandlers(List.of(this.controller));
		handler.afterPropertiesSet();
		this.server = RSocketServer.create(handler.responder()).bind(TcpServerTransport.create("127.0.0.1", 0)).block();
		this.requester = RSocketRequester.builder()
			.rsocketStrategies(strategies)
			.dataMimeType(MimeTypeUtils.APPLICATION_JSON)
			.tcp("127.0.0.1", this.server.address().getPort());
	}

	@Override
	public String name() {
		return "Spring RSocket";
	}

	@Override
	public Family family() {
		return Family.SPRING_RSOCKET;
	}

	@Override
	public Set<Shape> shapes() {
		return EnumSet.allOf(Shape.class);
	}

	@Override
	public CompletableFuture<Quote> request(Quote quote) {
		return this.requester.route("quote").data(quote).retrieveMono(Quote.class).toFuture();
	}

	@Override
	public void fire(Quote quote) {
		this.requester.route("quote.throw").data(quote).send().subscribe();
	}

	@Override
	public long received() {
		return this.controller.received.sum();
	}

	@Override
	public void close() {
		this.requester.dispose();
		this.server.dispose();
	}

	/**
	 * The handlers, as an application would write them.
	 */
	@Controller
	static class QuoteController {

		final LongAdder received = new LongAdder();

		@MessageMapping("quote")
		Quote quote(Quote quote) {
			return quote.next();
		}

		@MessageMapping("quote.throw")
		void take(Quote quote) {
			this.received.increment();
		}

	}

}
