package dev.comm.autoconfigure.standalone.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.stereotype.Component;

import dev.comm.handler.CommHandler;

/**
 * A comm-only server written the way a newcomer writes one: handlers and a listener, no
 * web server, no loop of its own, {@code main} returns at once. Run as its own process by
 * {@link StandaloneServerProcessIntegrationTests}.
 */
@SpringBootApplication(proxyBeanMethods = false)
public class StandaloneServer {

	public static void main(String[] args) {
		SpringApplication.run(StandaloneServer.class, args);
	}

	@Component
	static class Handlers {

		@CommHandler("echo")
		String echo(String text) {
			return text;
		}

		@CommHandler("slow")
		String slow(String text) throws InterruptedException {
			System.out.println("slow handler started");
			Thread.sleep(3000);
			System.out.println("slow handler finished");
			return "slow " + text;
		}

	}

}
