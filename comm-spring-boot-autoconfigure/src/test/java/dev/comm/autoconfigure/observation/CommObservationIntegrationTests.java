package dev.comm.autoconfigure.observation;

import io.micrometer.observation.ObservationPredicate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.junit.jupiter.api.Test;
import dev.comm.observation.CommClientContext;
import dev.comm.observation.CommServerContext;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import dev.comm.CommRemoteException;
import dev.comm.RequesterFaultException;
import dev.comm.autoconfigure.IdleSubscriber;
import dev.comm.client.CommClient;
import dev.comm.handler.CommHandler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Observation end to end: two applications with Actuator, Micrometer Tracing over
 * OpenTelemetry and an in-memory span exporter, talking over a real transport. The
 * caller's trace continues in the handler as a child span, the timers carry the tags, and
 * the gauges count the link.
 */
class CommObservationIntegrationTests {

	private static final Duration AWAIT = Duration.ofSeconds(20);

	private final List<ConfigurableApplicationContext> applications = new ArrayList<>();

	private final String service = "observed-" + UUID.randomUUID().toString().substring(0, 8);

	enum Transport {

		TCP, WS, AMQP

	}

	@AfterEach
	void close() {
		for (int i = this.applications.size() - 1; i >= 0; i--) {
			this.applications.get(i).close();
		}
	}

	@ParameterizedTest
	@EnumSource(Transport.class)
	void theHandlerRunsInAChildSpanOfTheCallersTraceAndBothSidesAreTimed(Transport transport) {
		Pair pair = start(transport);
		ObservationRegistry observations = pair.client.getBean(ObservationRegistry.class);
		CommClient comm = pair.client.getBean(CommClient.class);

		String handlerTraceId = Observation.createNotStarted("test.parent", observations)
			.observe(() -> comm.to("backend").request("traced.echo", "hi", String.class));

		SpanData parent = awaitSpan(pair.client, "test.parent", SpanKind.INTERNAL);
		SpanData caller = awaitSpan(pair.client, "request traced.echo", SpanKind.CLIENT);
		SpanData handler = awaitSpan(pair.server, "request traced.echo", SpanKind.SERVER);
		assertThat(handlerTraceId).isEqualTo(parent.getTraceId());
		assertThat(caller.getTraceId()).isEqualTo(parent.getTraceId());
		assertThat(caller.getParentSpanId()).isEqualTo(parent.getSpanId());
		assertThat(handler.getTraceId()).isEqualTo(parent.getTraceId());
		assertThat(handler.getParentSpanId()).isEqualTo(caller.getSpanId());

		String scheme = transport.name().toLowerCase();
		assertThat(timer(pair.client, "comm.client.requests", "traced.echo", "success", scheme, "backend").count())
			.isEqualTo(1);
		assertThat(timer(pair.server, "comm.server.requests", "traced.echo", "success", scheme, "main").count())
			.isEqualTo(1);
	}

	@ParameterizedTest
	@EnumSource(Transport.class)
	void aStreamsHandlerAndItsPullsRunInAChildSpanOfTheCallersTraceAndBothSidesAreTimedAsStreams(Transport transport) {
		Pair pair = start(transport);
		ObservationRegistry observations = pair.client.getBean(ObservationRegistry.class);
		CommClient comm = pair.client.getBean(CommClient.class);

		List<String> handlerTraceIds = Observation.createNotStarted("test.parent", observations).observe(() -> {
			try (Stream<String> items = comm.to("backend").requestStreamBlocking("traced.stream", 3, String.class)) {
				return items.toList();
			}
		});

		SpanData parent = awaitSpan(pair.client, "test.parent", SpanKind.INTERNAL);
		SpanData caller = awaitSpan(pair.client, "stream traced.stream", SpanKind.CLIENT);
		SpanData handler = awaitSpan(pair.server, "stream traced.stream", SpanKind.SERVER);
		// the first item is the handler method's trace, the others the source's as it is
		// pulled
		assertThat(handlerTraceIds).hasSize(3).containsOnly(parent.getTraceId());
		assertThat(caller.getTraceId()).isEqualTo(parent.getTraceId());
		assertThat(caller.getParentSpanId()).isEqualTo(parent.getSpanId());
		assertThat(handler.getTraceId()).isEqualTo(parent.getTraceId());
		assertThat(handler.getParentSpanId()).isEqualTo(caller.getSpanId());
		assertThat(caller.getAttributes().get(AttributeKey.stringKey("stream.items"))).isEqualTo("3");
		assertThat(handler.getAttributes().get(AttributeKey.stringKey("stream.items"))).isEqualTo("3");

		String scheme = transport.name().toLowerCase();
		assertThat(streamTimer(pair.client, "comm.client.requests", scheme, "backend").count()).isEqualTo(1);
		await().atMost(AWAIT)
			.untilAsserted(() -> assertThat(streamTimer(pair.server, "comm.server.requests", scheme, "main").count())
				.isEqualTo(1));
	}

	@ParameterizedTest
	@EnumSource(Transport.class)
	void failuresAndThrowsAreTimedWithTheirOutcomeAndKind(Transport transport) throws Exception {
		Pair pair = start(transport);
		CommClient comm = pair.client.getBean(CommClient.class);
		assertThatExceptionOfType(CommRemoteException.class)
			.isThrownBy(() -> comm.to("backend").request("traced.refuse", "x", String.class));
		comm.to("backend").send("traced.note", "fire");
		String traceOfThrow = pair.server.getBean(Handlers.class).throwTraces.poll(10, TimeUnit.SECONDS);

		String scheme = transport.name().toLowerCase();
		assertThat(timer(pair.client, "comm.client.requests", "traced.refuse", "requester-fault", scheme, "backend")
			.count()).isEqualTo(1);
		await().atMost(AWAIT)
			.untilAsserted(() -> assertThat(
					timer(pair.server, "comm.server.requests", "traced.refuse", "requester-fault", scheme, "main")
						.count())
				.isEqualTo(1));
		Timer thrown = pair.client.getBean(MeterRegistry.class)
			.get("comm.client.requests")
			.tags("route", "traced.note", "kind", "throw", "outcome", "success")
			.timer();
		assertThat(thrown.count()).isEqualTo(1);
		SpanData producer = awaitSpan(pair.client, "throw traced.note", SpanKind.PRODUCER);
		SpanData consumer = awaitSpan(pair.server, "throw traced.note", SpanKind.CONSUMER);
		assertThat(consumer.getParentSpanId()).isEqualTo(producer.getSpanId());
		assertThat(traceOfThrow).isEqualTo(producer.getTraceId());
	}

	@ParameterizedTest
	@EnumSource(value = Transport.class, names = "TCP")
	void asyncRepliesKeepTheCallersContextAndAsyncHandlersAreTimedToTheirEnd(Transport transport) throws Exception {
		Pair pair = start(transport);
		ObservationRegistry observations = pair.client.getBean(ObservationRegistry.class);
		Tracer tracer = pair.client.getBean(Tracer.class);
		CommClient comm = pair.client.getBean(CommClient.class);

		Observation parent = Observation.start("test.parent", observations);
		CompletableFuture<String> traceInCallback;
		try (Observation.Scope scope = parent.openScope()) {
			traceInCallback = comm.to("backend")
				.requestAsync("traced.later", "x", String.class)
				.thenApply((reply) -> tracer.currentSpan().context().traceId());
		}
		String seenInCallback = traceInCallback.get(10, TimeUnit.SECONDS);
		parent.stop();

		SpanData parentSpan = awaitSpan(pair.client, "test.parent", SpanKind.INTERNAL);
		assertThat(seenInCallback).isEqualTo(parentSpan.getTraceId());
		SpanData handler = awaitSpan(pair.server, "request traced.later", SpanKind.SERVER);
		Instant completed = pair.server.getBean(Handlers.class).laterCompleted.poll(10, TimeUnit.SECONDS);
		assertThat(Instant.ofEpochSecond(0, handler.getEndEpochNanos())).isAfterOrEqualTo(completed);
	}

	@ParameterizedTest
	@EnumSource(value = Transport.class, names = "TCP")
	void aRequestWhoseServerGoesAwayIsTimedAsConnectionLost(Transport transport) throws Exception {
		Pair pair = start(transport);
		CommClient comm = pair.client.getBean(CommClient.class);
		CompletableFuture<String> held = comm.to("backend").requestAsync("traced.hold", "x", String.class);
		assertThat(pair.server.getBean(Handlers.class).holding.await(10, TimeUnit.SECONDS)).isTrue();

		pair.server.close();

		assertThat(held).failsWithin(AWAIT);
		assertThat(
				timer(pair.client, "comm.client.requests", "traced.hold", "connection-lost", "tcp", "backend").count())
			.isEqualTo(1);
	}

	@ParameterizedTest
	@EnumSource(value = Transport.class, names = "WS")
	void metricsAndGaugesAppearInActuator(Transport transport) throws Exception {
		Pair pair = start(transport);
		CommClient comm = pair.client.getBean(CommClient.class);
		assertThat(comm.to("backend").request("traced.echo", "hi", String.class)).isNotEmpty();

		MeterRegistry server = pair.server.getBean(MeterRegistry.class);
		assertThat(server.get("comm.listener.links").tag("endpoint", "main").gauge().value()).isEqualTo(1);
		Gauge openStreams = server.get("comm.listener.streams.open").tag("endpoint", "main").gauge();
		assertThat(openStreams.value()).isZero();
		// the endless source fills the caller's window and waits for credit that never
		// comes, so the stream stays open until the caller cancels
		IdleSubscriber<String> idle = new IdleSubscriber<>();
		comm.to("backend").requestStream("traced.endless", "tick", String.class).subscribe(idle);
		await("the stream to open").atMost(AWAIT).until(() -> openStreams.value() == 1);
		idle.cancel();
		await("the cancelled stream to close").atMost(AWAIT).until(() -> openStreams.value() == 0);
		assertThat(pair.client.getBean(MeterRegistry.class)
			.get("comm.connector.connected")
			.tag("endpoint", "backend")
			.gauge()
			.value()).isEqualTo(1);
		String port = pair.server.getEnvironment().getProperty("local.server.port");
		HttpResponse<String> metric = HttpClient.newHttpClient()
			.send(HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/metrics/comm.server.requests"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(metric.statusCode()).isEqualTo(200);
		assertThat(metric.body()).contains("\"route\"", "traced.echo", "\"outcome\"", "success");
	}

	@Test
	void commsMeterHandlerTimesCommsCallsAndBootsDefaultTimesTheRest() {
		Pair pair = start(Transport.TCP);
		assertThat(pair.client.getBean(CommClient.class).to("backend").request("traced.echo", "hi", String.class))
			.isNotEmpty();
		Observation.createNotStarted("app.work", pair.client.getBean(ObservationRegistry.class)).observe(() -> {
		});

		MeterRegistry meters = pair.client.getBean(MeterRegistry.class);
		assertThat(timer(pair.client, "comm.client.requests", "traced.echo", "success", "tcp", "backend").count())
			.isEqualTo(1);
		// the default handler's long-task timer is what comm's leaves out
		assertThat(meters.find("comm.client.requests.active").longTaskTimer()).isNull();
		assertThat(meters.get("app.work").timer().count()).isEqualTo(1);
		assertThat(meters.get("app.work.active").longTaskTimer()).isNotNull();
	}

	@Test
	void anObservationPredicateLeavesThrowsUnobservedOnBothSides() throws Exception {
		Pair pair = start(Transport.TCP, "--test.observe-throws=false");
		CommClient comm = pair.client.getBean(CommClient.class);

		comm.to("backend").send("traced.note", "fire");
		assertThat(pair.server.getBean(Handlers.class).throwTraces.poll(10, TimeUnit.SECONDS)).isEqualTo("untraced");
		assertThat(comm.to("backend").request("traced.echo", "hi", String.class)).isNotEmpty();

		assertThat(timer(pair.client, "comm.client.requests", "traced.echo", "success", "tcp", "backend").count())
			.isEqualTo(1);
		for (Pair.Side side : List.of(new Pair.Side(pair.client, "comm.client.requests"),
				new Pair.Side(pair.server, "comm.server.requests"))) {
			assertThat(side.application().getBean(MeterRegistry.class).find(side.timer()).tag("kind", "throw").timers())
				.isEmpty();
		}
	}

	private Pair start(Transport transport, String... extra) {
		String listen;
		String dial;
		WebApplicationType web = WebApplicationType.NONE;
		int port = freePort();
		switch (transport) {
			case TCP -> {
				listen = "tcp://127.0.0.1:" + port;
				dial = listen;
			}
			case WS -> {
				listen = "ws:/comm";
				dial = null;
				web = WebApplicationType.SERVLET;
			}
			default -> {
				requireBroker();
				listen = "amqp://guest:guest@127.0.0.1:5672/?service=" + this.service;
				dial = listen;
			}
		}
		List<String> serverArgs = new ArrayList<>(
				List.of("--spring.application.name=traced-server", "--comm.listeners.main.uri=" + listen,
						"--server.port=" + port, "--management.endpoints.web.exposure.include=metrics",
						"--comm.shutdown-grace-period=100ms", "--server.shutdown=immediate"));
		serverArgs.addAll(List.of(extra));
		ConfigurableApplicationContext server = run(web, serverArgs.toArray(String[]::new));
		if (dial == null) {
			dial = "ws://127.0.0.1:" + server.getEnvironment().getProperty("local.server.port") + "/comm";
		}
		List<String> clientArgs = new ArrayList<>(
				List.of("--spring.application.name=traced-client", "--comm.connectors.backend.uri=" + dial));
		clientArgs.addAll(List.of(extra));
		ConfigurableApplicationContext client = run(WebApplicationType.NONE, clientArgs.toArray(String[]::new));
		return new Pair(server, client);
	}

	private ConfigurableApplicationContext run(WebApplicationType web, String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		all.add("--management.tracing.sampling.probability=1.0");
		all.add("--spring.jmx.enabled=false");
		ConfigurableApplicationContext application = new SpringApplicationBuilder(TracedApplication.class).web(web)
			.run(all.toArray(String[]::new));
		this.applications.add(application);
		return application;
	}

	private static SpanData awaitSpan(ConfigurableApplicationContext application, String name, SpanKind kind) {
		InMemorySpanExporter spans = application.getBean(InMemorySpanExporter.class);
		await(name + " to be exported").atMost(AWAIT)
			.until(() -> spans.getFinishedSpanItems()
				.stream()
				.anyMatch((span) -> span.getName().equals(name) && span.getKind() == kind));
		List<SpanData> found = spans.getFinishedSpanItems()
			.stream()
			.filter((span) -> span.getName().equals(name) && span.getKind() == kind)
			.toList();
		assertThat(found).hasSize(1);
		return found.get(0);
	}

	private static Timer timer(ConfigurableApplicationContext application, String name, String route, String outcome,
			String transport, String endpoint) {
		return application.getBean(MeterRegistry.class)
			.get(name)
			.tags("route", route, "kind", "request", "outcome", outcome, "transport", transport, "endpoint", endpoint)
			.timer();
	}

	private static Timer streamTimer(ConfigurableApplicationContext application, String name, String transport,
			String endpoint) {
		return application.getBean(MeterRegistry.class)
			.get(name)
			.tags("route", "traced.stream", "kind", "stream", "outcome", "success", "transport", transport, "endpoint",
					endpoint)
			.timer();
	}

	private static void requireBroker() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", 5672), 2000);
		}
		catch (IOException ex) {
			String message = "No RabbitMQ broker at 127.0.0.1:5672: the AMQP observation test cannot run";
			assertThat(System.getenv("CI")).as(message).isNotEqualToIgnoringCase("true");
			System.err.println("SKIPPED: " + message);
			Assumptions.abort(message);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	record Pair(ConfigurableApplicationContext server, ConfigurableApplicationContext client) {

		record Side(ConfigurableApplicationContext application, String timer) {

		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TracedApplication {

		@Bean
		InMemorySpanExporter spanExporter() {
			return InMemorySpanExporter.create();
		}

		@Bean
		SpanProcessor exportAtOnce(InMemorySpanExporter exporter) {
			return SimpleSpanProcessor.create(exporter);
		}

		/**
		 * What the README suggests where throws are many and cheap: leave them
		 * unobserved.
		 */
		@Bean
		@ConditionalOnProperty(name = "test.observe-throws", havingValue = "false")
		ObservationPredicate unobservedThrows() {
			return (name, context) -> !(context instanceof CommClientContext client && client.getCall().isThrow())
					&& !(context instanceof CommServerContext server && server.getCall().isThrow());
		}

		@Bean
		Handlers handlers(Tracer tracer) {
			return new Handlers(tracer);
		}

	}

	static class Handlers {

		final BlockingQueue<String> throwTraces = new LinkedBlockingQueue<>();

		final BlockingQueue<Instant> laterCompleted = new LinkedBlockingQueue<>();

		final CountDownLatch holding = new CountDownLatch(1);

		private final Tracer tracer;

		Handlers(Tracer tracer) {
			this.tracer = tracer;
		}

		@CommHandler("traced.echo")
		String echo(String text) {
			return this.tracer.currentSpan().context().traceId();
		}

		@CommHandler("traced.stream")
		Stream<String> stream(int n) {
			String inHandler = this.tracer.currentSpan().context().traceId();
			return Stream.concat(Stream.of(inHandler),
					IntStream.range(1, n).mapToObj((i) -> this.tracer.currentSpan().context().traceId()));
		}

		@CommHandler("traced.endless")
		Stream<String> endless(String item) {
			return Stream.generate(() -> item);
		}

		@CommHandler("traced.refuse")
		String refuse(String text) {
			throw new RequesterFaultException(3, "not today");
		}

		@CommHandler("traced.note")
		void note(String text) {
			Span span = this.tracer.currentSpan();
			this.throwTraces.add((span != null) ? span.context().traceId() : "untraced");
		}

		@CommHandler("traced.hold")
		String hold(String text) throws InterruptedException {
			this.holding.countDown();
			Thread.sleep(10_000);
			return text;
		}

		@CommHandler("traced.later")
		CompletableFuture<String> later(String text) {
			return CompletableFuture.supplyAsync(() -> {
				sleep(300);
				this.laterCompleted.add(Instant.now());
				return text;
			});
		}

		private static void sleep(long millis) {
			try {
				Thread.sleep(millis);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

}
