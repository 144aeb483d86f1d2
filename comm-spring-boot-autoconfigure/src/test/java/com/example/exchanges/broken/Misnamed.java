package com.example.exchanges.broken;

import dev.comm.exchange.CommExchange;
import dev.comm.exchange.CommRequest;

@CommExchange(connector = "billing")
public interface Misnamed {

	@CommRequest("charge")
	String charge(String what);

}
