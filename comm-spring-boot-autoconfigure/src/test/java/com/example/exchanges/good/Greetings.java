package com.example.exchanges.good;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.comm.exchange.CommExchange;
import dev.comm.exchange.CommRequest;
import dev.comm.exchange.CommThrow;

@CommExchange(connector = "backend")
public interface Greetings {

	@CommRequest("greet")
	String greet(String name);

	@CommRequest(value = "greet", timeout = "2s")
	CompletableFuture<String> greetAsync(String name);

	@CommRequest("names")
	List<String> names();

	@CommThrow("note")
	void note(String text);

}
