package dev.comm.benchmarks.curves;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.springframework.context.ConfigurableApplicationContext;

import dev.comm.benchmarks.CommApplications;
import dev.comm.client.CommClient;
import dev.comm.client.CommPool;
import dev.comm.handler.CommHandler;

/**
 * comm over tcp as a Spring Boot user gets it, as in the cases: a server application
 * whose {@code @CommHandler} answers blobs (on comm's handler threads, as by default),
 * and a client application with one connector per peer connection to its listener. For
 * the fan-out curve the server also has one listener per worker, and the client one
 * connector per fan-out whose URIs are those listeners, so that a broadcast reaches each
 * of them.
 */
final class CommEcho implements EchoStack {

	private final ConfigurableApplicationContext server;

	private final ConfigurableApplicationContext client;

	private final int connections;

	/**
	 * Start both applications.
	 * @param connections connectors to the one listener
	 * @param fanOuts the sizes of the fan-out pools, possibly none
	 */
	CommEcho(int connections, List<Integer> fanOuts) {
		this.connections = connections;
		int workers = fanOuts.stream().mapToInt(Integer::intValue).max().orElse(0);
		List<String> serverArgs = new ArrayList<>(List.of("--comm.listeners.echo.uri=tcp://127.0.0.1:0"));
		for (int i = 0; i < workers; i++) {
			serverArgs.add("--comm.listeners.w" + i + ".uri=tcp://127.0.0.1:0");
		}
		this.server = CommApplications.run("curve-server", List.of(BlobHandler.class),
				serverArgs.toArray(String[]::new));
		String port = this.server.getEnvironment().getProperty("local.comm.listeners.echo.port");
		List<String> clientArgs = new ArrayList<>();
		for (int i = 0; i < connections; i++) {
			clientArgs.add("--comm.connectors.p" + i + ".uri=tcp://127.0.0.1:" + port);
		}
		for (int fanOut : fanOuts) {
			for (int i = 0; i < fanOut; i++) {
				String workerPort = this.server.getEnvironment().getProperty("local.comm.listeners.w" + i + ".port");
				clientArgs.add("--comm.connectors.fan" + fanOut + ".uris[" + i + "]=tcp://127.0.0.1:" + workerPort);
			}
		}
		this.client = CommApplications.run("curve-client", List.of(), clientArgs.toArray(String[]::new));
	}

	@Override
	public String name() {
		return "comm tcp";
	}

	@Override
	public List<Function<Blob, CompletableFuture<Blob>>> connections() {
		CommClient comm = this.client.getBean(CommClient.class);
		List<Function<Blob, CompletableFuture<Blob>>> result = new ArrayList<>();
		for (int i = 0; i < this.connections; i++) {
			CommPool pool = comm.to("p" + i);
			result.add((blob) -> pool.requestAsync("blob", blob, Blob.class));
		}
		return result;
	}

	/**
	 * The pool whose members are the first workers.
	 * @param size the fan-out, one of those given to the constructor
	 * @return the pool
	 */
	CommPool fanOut(int size) {
		return this.client.getBean(CommClient.class).to("fan" + size);
	}

	@Override
	public void close() {
		this.client.close();
		this.server.close();
	}

	/**
	 * The handler, as an application would write it.
	 */
	static class BlobHandler {

		@CommHandler("blob")
		Blob echo(Blob blob) {
			return blob.next();
		}

	}

}
