package dev.comm.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;

import org.springframework.context.ConfigurableApplicationContext;

import dev.comm.client.CommClient;
import dev.comm.client.CommTarget;
import dev.comm.handler.CommHandler;

/**
 * comm as a Spring Boot user gets it: a server application whose {@code @CommHandler}
 * bean listens on tcp, unix, inproc and tls (with the test certificate for 127.0.0.1),
 * and a client application with one connector to each, both wired by comm's
 * auto-configuration.
 */
final class CommSubjects implements AutoCloseable {

	private final ConfigurableApplicationContext server;

	private final ConfigurableApplicationContext client;

	private final Path socketDirectory;

	CommSubjects() throws Exception {
		this.socketDirectory = Files.createTempDirectory("comm-bench");
		Path socket = this.socketDirectory.resolve("comm.sock");
		this.server = CommApplications.run("server", List.of(QuoteHandlers.class),
				"--comm.listeners.tcp.uri=tcp://127.0.0.1:0", "--comm.listeners.unix.uri=unix://" + socket,
				"--comm.listeners.inproc.uri=inproc://comm-bench", "--comm.listeners.tls.uri=tls://127.0.0.1:0",
				"--comm.listeners.tls.ssl.bundle=bench",
				"--spring.ssl.bundle.pem.bench.keystore.certificate=classpath:tls/server.crt",
				"--spring.ssl.bundle.pem.bench.keystore.private-key=classpath:tls/server.key");
		String port = this.server.getEnvironment().getProperty("local.comm.listeners.tcp.port");
		String tlsPort = this.server.getEnvironment().getProperty("local.comm.listeners.tls.port");
		this.client = CommApplications.run("client", List.of(), "--comm.connectors.tcp.uri=tcp://127.0.0.1:" + port,
				"--comm.connectors.unix.uri=unix://" + socket, "--comm.connectors.inproc.uri=inproc://comm-bench",
				"--comm.connectors.tls.uri=tls://127.0.0.1:" + tlsPort, "--comm.connectors.tls.ssl.bundle=bench",
				"--spring.ssl.bundle.pem.bench.truststore.certificate=classpath:tls/ca.crt");
	}

	List<Subject> subjects() {
		CommClient comm = this.client.getBean(CommClient.class);
		LongAdder received = this.server.getBean(QuoteHandlers.class).received;
		return List.of(new CommSubject("comm tcp", comm.to("tcp"), received), new InterfaceCommSubject(comm, received),
				new CommSubject("comm tcp non-blocking", comm.to("tcp"), received, NON_BLOCKING),
				new CommSubject("comm unix", comm.to("unix"), received),
				new CommSubject("comm unix non-blocking", comm.to("unix"), received, NON_BLOCKING),
				new CommSubject("comm inproc", comm.to("inproc"), received),
				new CommSubject("comm tls", comm.to("tls"), received));
	}

	@Override
	public void close() throws Exception {
		this.client.close();
		this.server.close();
		Files.deleteIfExists(this.socketDirectory.resolve("comm.sock"));
		Files.deleteIfExists(this.socketDirectory);
	}

	/**
	 * The handlers, as an application would write them: on comm's handler threads, as by
	 * default, and the same declared non-blocking, run on the I/O thread that read the
	 * message, as RSocket's and the Netty echo's are.
	 */
	static class QuoteHandlers {

		final LongAdder received = new LongAdder();

		@CommHandler("quote")
		Quote quote(Quote quote) {
			return quote.next();
		}

		@CommHandler("quote.throw")
		void take(Quote quote) {
			this.received.increment();
		}

		@CommHandler(value = "quote.inline", nonBlocking = true)
		Quote quoteInline(Quote quote) {
			return quote.next();
		}

		@CommHandler(value = "quote.throw.inline", nonBlocking = true)
		void takeInline(Quote quote) {
			this.received.increment();
		}

	}

	/** The routes of the handlers that run on the I/O thread. */
	static final Routes NON_BLOCKING = new Routes("quote.inline", "quote.throw.inline");

	/**
	 * The routes a subject calls.
	 *
	 * @param request the request route
	 * @param fire the throw route
	 */
	record Routes(String request, String fire) {

		static final Routes DEFAULT = new Routes("quote", "quote.throw");

	}

	record CommSubject(String name, CommTarget target, LongAdder counter, Routes routes) implements Subject {

		CommSubject(String name, CommTarget target, LongAdder counter) {
			this(name, target, counter, Routes.DEFAULT);
		}

		@Override
		public Set<Shape> shapes() {
			return EnumSet.allOf(Shape.class);
		}

		@Override
		public Family family() {
			return Family.COMM;
		}

		@Override
		public CompletableFuture<Quote> request(Quote quote) {
			return this.target.requestAsync(this.routes.request(), quote, Quote.class);
		}

		@Override
		public void fire(Quote quote) {
			this.target.send(this.routes.fire(), quote);
		}

		@Override
		public long received() {
			return this.counter.sum();
		}

		@Override
		public void close() {
			// the applications are closed by CommSubjects
		}

	}

}
