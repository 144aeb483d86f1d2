package dev.comm.test.app;

import java.util.List;

import dev.comm.exchange.CommExchange;
import dev.comm.exchange.CommRequest;
import dev.comm.test.app.OrderHandlers.Price;
import dev.comm.test.app.OrderHandlers.Quote;

/**
 * The application's interface client for its own routes, over its connector {@code self}.
 */
@CommExchange(connector = "self")
interface Orders {

	@CommRequest("orders.quote")
	Price quote(Quote quote);

	@CommRequest("orders.items")
	List<String> items();

}
