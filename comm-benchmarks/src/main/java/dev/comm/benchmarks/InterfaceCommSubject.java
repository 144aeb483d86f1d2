package dev.comm.benchmarks;

import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;

import dev.comm.benchmarkclients.QuoteExchange;
import dev.comm.client.CommClient;
import dev.comm.exchange.CommExchanges;

/**
 * The {@code comm tcp} calls made through a {@link QuoteExchange} client from
 * {@link CommExchanges#create}, on the same connector and server: what a declarative
 * client costs over calling {@link CommClient} directly.
 */
final class InterfaceCommSubject implements Subject {

	private final QuoteExchange quotes;

	private final LongAdder received;

	InterfaceCommSubject(CommClient client, LongAdder received) {
		this.quotes = CommExchanges.create(QuoteExchange.class, client);
		this.received = received;
	}

	@Override
	public String name() {
		return "comm tcp interface";
	}

	@Override
	public Family family() {
		return Family.COMM;
	}

	@Override
	public Set<Shape> shapes() {
		return EnumSet.allOf(Shape.class);
	}

	@Override
	public CompletableFuture<Quote> request(Quote quote) {
		return this.quotes.quote(quote);
	}

	@Override
	public void fire(Quote quote) {
		this.quotes.take(quote);
	}

	@Override
	public long received() {
		return this.received.sum();
	}

	@Override
	public void close() {
		// the applications are closed by CommSubjects
	}

}
