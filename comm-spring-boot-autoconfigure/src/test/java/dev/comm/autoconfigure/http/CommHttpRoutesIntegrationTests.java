package dev.comm.autoconfigure.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import dev.comm.RequesterFaultException;
import dev.comm.client.CommPeer;
import dev.comm.handler.CommHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Routes over HTTP with a real HTTP client against the application's own server: replies,
 * problems for every outcome with their status, kind and code, throws, the frame limit,
 * and the same validation and client id as on any other transport.
 */
class CommHttpRoutesIntegrationTests {

	private static ConfigurableApplicationContext server;

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static String base;

	@BeforeAll
	static void startServer() {
		server = new SpringApplicationBuilder(HttpRoutesApplication.class).web(WebApplicationType.SERVLET)
			.properties("server.port=0", "spring.application.name=http-routes", "comm.http.path=/comm",
					"comm.request-timeout=1s", "comm.max-frame-size=64KB")
			.run();
		base = "http://127.0.0.1:" + server.getEnvironment().getProperty("local.server.port") + "/comm/";
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@Test
	void aRouteAnswersItsReplyAsJson() throws Exception {
		HttpResponse<String> response = post("shop.quote", "{\"item\":\"tea\",\"quantity\":3}");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		assertThat(response.body()).isEqualTo("{\"item\":\"tea\",\"total\":7.5,\"caller\":\"http\"}");
	}

	@Test
	void everyOutcomeIsAProblemWithItsStatusKindAndCode() throws Exception {
		assertProblem(post("no.such.route", "1"), 404, "no-route", null);
		assertProblem(post("shop.reject", "1"), 400, "requester-fault", 7);
		assertProblem(post("shop.quote", "{\"item\":\"tea\",\"quantity\":-1}"), 422, "bad-payload", null);
		assertProblem(post("shop.quote", "not json"), 422, "bad-payload", null);
		assertProblem(post("shop.crash", "1"), 500, "handler-failed", null);
		assertProblem(post("shop.slow", "1"), 504, "timeout", null);
		assertThat(post("shop.crash", "1").body()).contains("error id").doesNotContain("inventory index");
	}

	@Test
	void aThrowIsAcceptedAndReachesItsHandler() throws Exception {
		HttpResponse<String> byParameter = send(HttpRequest.newBuilder(URI.create(base + "shop.note?throw=true"))
			.POST(HttpRequest.BodyPublishers.ofString("\"restock tea\"")));
		HttpResponse<String> byHeader = send(HttpRequest.newBuilder(URI.create(base + "shop.note"))
			.header("Comm-Throw", "true")
			.POST(HttpRequest.BodyPublishers.ofString("\"order rice\"")));

		assertThat(byParameter.statusCode()).isEqualTo(202);
		assertThat(byHeader.statusCode()).isEqualTo(202);
		Shop shop = server.getBean(Shop.class);
		assertThat(shop.notes.poll(5, TimeUnit.SECONDS)).isNotNull();
		assertThat(shop.notes.poll(5, TimeUnit.SECONDS)).isNotNull();
	}

	@Test
	void aBodyOverTheFrameLimitIs413() throws Exception {
		HttpResponse<String> response = post("shop.quote", "\"" + "x".repeat(70 * 1024) + "\"");

		assertProblem(response, 413, "requester-fault", null);
		assertThat(post("shop.quote", "{\"item\":\"tea\",\"quantity\":1}").statusCode()).isEqualTo(200);
	}

	@Test
	void anEmptyBodyIsANullPayload() throws Exception {
		HttpResponse<String> response = send(
				HttpRequest.newBuilder(URI.create(base + "shop.echo")).POST(HttpRequest.BodyPublishers.noBody()));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("null");
	}

	private static void assertProblem(HttpResponse<String> response, int status, String kind, Integer code) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains("\"status\":" + status)
			.contains("\"kind\":\"" + kind + "\"")
			.contains("\"code\":" + code);
	}

	private static HttpResponse<String> post(String route, String json) throws Exception {
		return send(HttpRequest.newBuilder(URI.create(base + route))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
	}

	// no component scan: this package holds the controller the auto-configuration makes
	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class HttpRoutesApplication {

		@Bean
		Shop shop() {
			return new Shop();
		}

	}

	record Order(String item, @Positive int quantity) {

	}

	record Quote(String item, double total, String caller) {

	}

	static class Shop {

		final BlockingQueue<String> notes = new LinkedBlockingQueue<>();

		@CommHandler("shop.quote")
		Quote quote(@Valid Order order, CommPeer caller) {
			return new Quote(order.item(), order.quantity() * 2.5, caller.clientId());
		}

		@CommHandler("shop.reject")
		String reject(int any) {
			throw new RequesterFaultException(7, "quantity must be positive");
		}

		@CommHandler("shop.crash")
		String crash(int any) {
			throw new IllegalStateException("inventory index is corrupt");
		}

		@CommHandler("shop.slow")
		String slow(int any) throws InterruptedException {
			Thread.sleep(3000);
			return "late";
		}

		@CommHandler("shop.echo")
		Object echo(Object anything) {
			return anything;
		}

		@CommHandler("shop.note")
		void note(String note) {
			this.notes.add(note);
		}

	}

}
