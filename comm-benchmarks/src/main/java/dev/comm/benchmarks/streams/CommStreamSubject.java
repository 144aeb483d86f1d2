package dev.comm.benchmarks.streams;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

import reactor.core.publisher.Flux;

import org.springframework.context.ConfigurableApplicationContext;

import dev.comm.benchmarks.CommApplications;
import dev.comm.client.CommClient;
import dev.comm.client.CommTarget;
import dev.comm.handler.CommHandler;

/**
 * comm's streams over tcp as a Spring Boot user gets them: a server application whose
 * handler returns a {@code Flux} of ticks, and a client application that reads the stream
 * with {@code requestStream}, asking for everything at once as rsocket-java's subject
 * does; comm's credit window still bounds what is in flight.
 */
final class CommStreamSubject implements StreamSubject {

	private final ConfigurableApplicationContext server;

	private final ConfigurableApplicationContext client;

	private final CommTarget target;

	CommStreamSubject() {
		this.server = CommApplications.run("stream-server", List.of(TickHandlers.class),
				"--comm.listeners.tcp.uri=tcp://127.0.0.1:0");
		String port = this.server.getEnvironment().getProperty("local.comm.listeners.tcp.port");
		this.client = CommApplications.run("stream-client", List.of(),
				"--comm.connectors.tcp.uri=tcp://127.0.0.1:" + port);
		this.target = this.client.getBean(CommClient.class).to("tcp");
	}

	@Override
	public String name() {
		return StreamTable.COMM;
	}

	@Override
	public long consume(int items) throws Exception {
		CompletableFuture<Long> done = new CompletableFuture<>();
		this.target.requestStream("ticks", items, Tick.class).subscribe(new Flow.Subscriber<>() {

			private long count;

			@Override
			public void onSubscribe(Flow.Subscription subscription) {
				subscription.request(Long.MAX_VALUE);
			}

			@Override
			public void onNext(Tick tick) {
				this.count++;
			}

			@Override
			public void onError(Throwable failure) {
				done.completeExceptionally(failure);
			}

			@Override
			public void onComplete() {
				done.complete(this.count);
			}

		});
		return done.get(10, TimeUnit.MINUTES);
	}

	@Override
	public void close() {
		this.client.close();
		this.server.close();
	}

	/**
	 * The handler, as an application would write it.
	 */
	static class TickHandlers {

		@CommHandler("ticks")
		Flux<Tick> ticks(int items) {
			return Flux.range(0, items).map(Tick::at);
		}

	}

}
