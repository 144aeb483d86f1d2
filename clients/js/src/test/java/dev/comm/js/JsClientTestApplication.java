package dev.comm.js;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import dev.comm.RequesterFaultException;
import dev.comm.client.CommPeer;
import dev.comm.handler.CommHandler;

/**
 * The Spring application the JavaScript client is tested against: a ws listener at
 * {@code /comm} on its own HTTP server, which also serves the client's modules at
 * {@code /webjars/comm-client/} and the test page, and routes with every outcome.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class JsClientTestApplication {

	/** The listener the clients connect to. */
	static final String LISTENER = "web";

	/**
	 * Start the application on a free port.
	 * @return the running application
	 */
	static ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(JsClientTestApplication.class).web(WebApplicationType.SERVLET)
			.properties("server.port=0", "server.address=127.0.0.1", "spring.application.name=js-client-tests",
					"comm.listeners." + LISTENER + ".uri=ws:/comm", "comm.heartbeat-interval=1s",
					"comm.request-timeout=5s", "logging.level.root=WARN",
					// Selenium warns that it has no DevTools bindings for this Chromium;
					// the tests need none
					"logging.level.org.openqa.selenium=ERROR")
			.run();
	}

	static int port(ConfigurableApplicationContext application) {
		return Integer.parseInt(application.getEnvironment().getProperty("local.server.port"));
	}

	@Bean
	Routes routes() {
		return new Routes();
	}

	/**
	 * The routes the clients call.
	 */
	static class Routes {

		/** The throws received, as "clientId: payload". */
		final BlockingQueue<String> notes = new LinkedBlockingQueue<>();

		/** Counted down when a {@code slow} handler has started. */
		volatile CountDownLatch slowStarted = new CountDownLatch(1);

		@CommHandler("echo")
		Object echo(Object payload) {
			return payload;
		}

		@CommHandler("add")
		int add(Sum sum) {
			return sum.a() + sum.b();
		}

		@CommHandler("whoami")
		String whoami(CommPeer caller) {
			return caller.clientId();
		}

		@CommHandler("reject")
		void reject(String reason) {
			throw new RequesterFaultException(7, "rejected: " + reason);
		}

		@CommHandler("crash")
		void crash() {
			throw new IllegalStateException("the handler broke");
		}

		@CommHandler("slow")
		String slow(long millis) throws InterruptedException {
			this.slowStarted.countDown();
			TimeUnit.MILLISECONDS.sleep(millis);
			return "slept " + millis;
		}

		@CommHandler("note")
		void note(String text, CommPeer caller) {
			this.notes.add(caller.clientId() + ": " + text);
		}

	}

	/**
	 * Two numbers to add.
	 *
	 * @param a the first
	 * @param b the second
	 */
	record Sum(int a, int b) {

	}

}
