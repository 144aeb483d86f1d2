package dev.comm.autoconfigure.auth;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.Customizer;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

import dev.comm.auth.CommAuthenticator;
import dev.comm.client.CommPeer;
import dev.comm.handler.CommHandler;
import dev.comm.protocol.FrameCodec;
import dev.comm.protocol.Hello;
import dev.comm.protocol.MessageFrame;
import dev.comm.protocol.MessageType;
import dev.comm.protocol.Metadata;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A ws listener behind Spring Security's HTTP basic authentication: the authenticator
 * sees the user that authenticated the upgrade request, and an anonymous upgrade is
 * refused by it. The client is the JDK's WebSocket client speaking docs/PROTOCOL.md.
 */
class CommWebSocketUpgradeAuthenticationIntegrationTests {

	private static ConfigurableApplicationContext server;

	private static int port;

	@BeforeAll
	static void startServer() {
		server = new SpringApplicationBuilder(SecuredWebApplication.class).web(WebApplicationType.SERVLET)
			.properties("server.port=0", "spring.application.name=ws-secured", "comm.listeners.web.uri=ws:/comm")
			.run();
		port = Integer.parseInt(server.getEnvironment().getProperty("local.server.port"));
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@Test
	void theUserThatAuthenticatedTheUpgradeIsThePeersPrincipal() throws Exception {
		try (Peer peer = Peer.connect(port, "alice:wonderland")) {
			peer.sendText(new String(FrameCodec.encodeHelloJson(Hello.client("browser-1", Set.of())),
					StandardCharsets.UTF_8));
			assertThat(peer.next()).contains("\"hello\"");

			byte[] request = FrameCodec.encodeBody(new MessageFrame(
					new Metadata("00000000000000000000000000000001", MessageType.REQUEST, "ws.whoami", Map.of()),
					"\"\"".getBytes(StandardCharsets.UTF_8)), 0);
			peer.socket.sendBinary(ByteBuffer.wrap(request), true).get(10, TimeUnit.SECONDS);
			assertThat(peer.next()).endsWith("\"alice\"");
		}
	}

	@Test
	void anAnonymousUpgradeIsRefusedByTheAuthenticator() throws Exception {
		try (Peer peer = Peer.connect(port, null)) {
			peer.sendText(new String(FrameCodec.encodeHelloJson(Hello.client("browser-2", Set.of())),
					StandardCharsets.UTF_8));

			assertThat(peer.next()).isEqualTo("{\"reason\":\"not authenticated\"}");
		}
	}

	/** A WebSocket peer that collects what it receives as text. */
	static final class Peer implements AutoCloseable {

		final BlockingQueue<String> received = new LinkedBlockingQueue<>();

		WebSocket socket;

		static Peer connect(int port, String credentials) throws Exception {
			Peer peer = new Peer();
			WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
			if (credentials != null) {
				builder.header("Authorization",
						"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
			}
			peer.socket = builder.buildAsync(URI.create("ws://127.0.0.1:" + port + "/comm"), new WebSocket.Listener() {

				@Override
				public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
					peer.received.add(data.toString());
					webSocket.request(1);
					return null;
				}

				@Override
				public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
					byte[] bytes = new byte[data.remaining()];
					data.get(bytes);
					peer.received.add(new String(bytes, StandardCharsets.UTF_8));
					webSocket.request(1);
					return null;
				}

			}).get(10, TimeUnit.SECONDS);
			return peer;
		}

		void sendText(String text) throws Exception {
			this.socket.sendText(text, true).get(10, TimeUnit.SECONDS);
		}

		String next() throws InterruptedException {
			String next = this.received.poll(10, TimeUnit.SECONDS);
			assertThat(next).as("a message within 10 s").isNotNull();
			return next;
		}

		@Override
		public void close() {
			this.socket.abort();
		}

	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@EnableWebSecurity
	static class SecuredWebApplication {

		@Bean
		SecurityFilterChain basicAuthentication(HttpSecurity http) throws Exception {
			// anonymous upgrades pass the filter: the authenticator is what refuses them
			return http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
				.httpBasic(Customizer.withDefaults())
				.csrf((csrf) -> csrf.disable())
				.build();
		}

		@Bean
		InMemoryUserDetailsManager users() {
			return new InMemoryUserDetailsManager(
					User.withUsername("alice").password("{noop}wonderland").roles("USER").build());
		}

		@Bean
		CommAuthenticator upgradeUsers() {
			return (handshake) -> handshake.transportPrincipal();
		}

		@Bean
		WhoAmI whoAmI() {
			return new WhoAmI();
		}

	}

	static class WhoAmI {

		@CommHandler("ws.whoami")
		String whoami(String ignored, CommPeer peer) {
			return peer.principal().getName();
		}

	}

}
