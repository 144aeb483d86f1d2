package com.example.exchanges.server;

import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

import dev.comm.handler.CommHandler;

/**
 * The server the declarative clients call, in a package of its own so that it scans no
 * client interfaces.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class ServerApplication {

	@Bean
	Handlers handlers() {
		return new Handlers();
	}

	public static class Handlers {

		public final LinkedBlockingQueue<String> notes = new LinkedBlockingQueue<>();

		@CommHandler("greet")
		String greet(String name) {
			return "Hello, " + name;
		}

		@CommHandler("names")
		List<String> names() {
			return List.of("Ada", "Bob");
		}

		@CommHandler("note")
		void note(String text) {
			this.notes.add(text);
		}

	}

}
