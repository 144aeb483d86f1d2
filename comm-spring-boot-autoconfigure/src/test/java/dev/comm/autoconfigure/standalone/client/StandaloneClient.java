package dev.comm.autoconfigure.standalone.client;

import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import dev.comm.client.CommClient;

/**
 * A client process with two connectors, {@code tcp} and {@code unix}: it calls the server
 * over each, then makes a slow request, prints every reply, and ends by itself
 * ({@code main} returns, nothing calls {@code System.exit}), which only works if nothing
 * keeps a connectors-only process alive.
 */
@SpringBootApplication(proxyBeanMethods = false)
public class StandaloneClient {

	public static void main(String[] args) {
		SpringApplication.run(StandaloneClient.class, args);
	}

	@Bean
	CommandLineRunner calls(CommClient comm) {
		return (args) -> {
			System.out.println("tcp echo: " + comm.to("tcp").request("echo", "over tcp", String.class));
			System.out.println("unix echo: " + comm.to("unix").request("echo", "over unix", String.class));
			System.out.println("calling slow");
			System.out.println("slow reply: " + comm.to("tcp").request("slow", "work", String.class));
		};
	}

}
