package dev.comm.test.app;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import dev.comm.RequesterFaultException;
import dev.comm.client.CommPeer;
import dev.comm.handler.CommHandler;

/**
 * The routes of {@link OrdersApplication}.
 */
class OrderHandlers {

	/** What the {@code audit} throws delivered, in order. */
	final BlockingQueue<String> audits = new LinkedBlockingQueue<>();

	@CommHandler("orders.quote")
	Price quote(Quote quote) {
		if (!items().contains(quote.item())) {
			throw new RequesterFaultException(404, "No item '" + quote.item() + "'");
		}
		return new Price(quote.item(), 3 * quote.quantity());
	}

	@CommHandler("orders.items")
	List<String> items() {
		return List.of("tea", "coffee");
	}

	@CommHandler("orders.caller")
	String caller(CommPeer caller) {
		return caller.clientId();
	}

	/** Asks the caller back before it replies, over the caller's own link. */
	@CommHandler("orders.count-callers-items")
	int countCallersItems(CommPeer caller) {
		return caller.request("orders.items", null, List.class).size();
	}

	@CommHandler("orders.broken")
	String broken() {
		throw new IllegalStateException("the order book is broken");
	}

	@CommHandler("audit")
	void audit(String event) {
		this.audits.add(event);
	}

	record Quote(String item, int quantity) {
	}

	record Price(String item, int amount) {
	}

}
