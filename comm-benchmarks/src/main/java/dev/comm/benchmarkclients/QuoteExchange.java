package dev.comm.benchmarkclients;

import java.util.concurrent.CompletableFuture;

import dev.comm.benchmarks.Quote;
import dev.comm.exchange.CommExchange;
import dev.comm.exchange.CommRequest;
import dev.comm.exchange.CommThrow;

/**
 * The calls of the {@code comm tcp} case, declared as an interface.
 */
@CommExchange(connector = "tcp")
public interface QuoteExchange {

	@CommRequest("quote")
	CompletableFuture<Quote> quote(Quote quote);

	@CommThrow("quote.throw")
	void take(Quote quote);

}
