package dev.comm.internal.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.comm.CommConnectionLostException;
import dev.comm.CommException;
import dev.comm.client.CommClient;
import dev.comm.client.CommPool;
import dev.comm.client.CommTarget;
import dev.comm.handler.CommHandler;
import dev.comm.internal.client.DefaultCommConnector;
import dev.comm.internal.session.Link;
import dev.comm.testing.CommTestNode;
import dev.comm.testing.SeverableTcpProxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Peer sessions by client id over real TCP, with a proxy that cuts links the way a
 * network does: what survives a dropped link when the same server process is still there,
 * and what fails at once when it is a new one.
 */
class PeerSessionIntegrationTests {

	private final CountDownLatch release = new CountDownLatch(1);

	private final List<AutoCloseable> resources = new ArrayList<>();

	@AfterEach
	void closeEverything() throws Exception {
		this.release.countDown();
		for (int i = this.resources.size() - 1; i >= 0; i--) {
			this.resources.get(i).close();
		}
	}

	@Test
	void replyToARequestRunningWhenTheLinkWasCutArrivesAfterTheClientReconnects() throws Exception {
		ServerHandlers handlers = new ServerHandlers(this.release);
		CommTestNode server = node(CommTestNode.builder().clientId("server").handlers(handlers));
		DefaultCommListener listener = server.listen("tcp://127.0.0.1:0");
		SeverableTcpProxy proxy = proxy(listener);
		WorkerHandlers worker = new WorkerHandlers();
		CommTestNode client = node(CommTestNode.builder().clientId("worker-1").handlers(worker));
		DefaultCommConnector connector = client.connector(proxy.uri());
		CommClient comm = client.client(connector, Duration.ofSeconds(20));
		CompletableFuture<String> reply = comm.requestAsync("slow", "job-1", String.class);
		assertThat(handlers.started.await(10, TimeUnit.SECONDS)).isTrue();
		Link first = listener.getLinks().iterator().next();

		proxy.refuse(true);
		proxy.sever();
		await("the server to notice the cut").until(() -> !first.isOpen());
		await("the client to hold its request").until(() -> connector.heldRequests() == 1);
		// addressed to the client while it is away: waits in its session
		CommPool peers = server.peers(listener, Duration.ofSeconds(20));
		CompletableFuture<Void> note = CompletableFuture
			.runAsync(() -> peers.member("worker-1").send("note", "while you were away"));
		// the handler finishes while the client is away: its reply waits too
		this.release.countDown();
		proxy.refuse(false);

		assertThat(reply.get(15, TimeUnit.SECONDS)).isEqualTo("job-1 done");
		note.get(15, TimeUnit.SECONDS);
		assertThat(worker.notes.poll(15, TimeUnit.SECONDS)).isEqualTo("while you were away");
		assertThat(connector.heldRequests()).isZero();
	}

	@Test
	void requestsInFlightFailAtOnceWhenTheServerIsANewProcess() throws Exception {
		CommTestNode oldServer = CommTestNode.builder()
			.clientId("server")
			.handlers(new ServerHandlers(this.release))
			.build();
		DefaultCommListener oldListener = oldServer.listen("tcp://127.0.0.1:0");
		SeverableTcpProxy proxy = proxy(oldListener);
		CommTestNode client = node(CommTestNode.builder().clientId("worker-1"));
		DefaultCommConnector connector = client.connector(proxy.uri());
		// a timeout far beyond the bounded wait below: only fail-fast can end the call
		CommClient comm = client.client(connector, Duration.ofMinutes(5));
		CompletableFuture<String> reply = comm.requestAsync("slow", "job-1", String.class);
		await("the request to reach the server")
			.until(() -> oldListener.getLinks().stream().anyMatch((link) -> link.inboundInFlight() == 1));

		proxy.refuse(true);
		proxy.sever();
		await("the client to hold its request").until(() -> connector.heldRequests() == 1);
		this.release.countDown();
		oldServer.close();
		CommTestNode newServer = node(CommTestNode.builder().clientId("server").handlers(new ServerHandlers(null)));
		proxy.retarget(newServer.listen("tcp://127.0.0.1:0").address().port());
		proxy.refuse(false);

		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> reply.get(20, TimeUnit.SECONDS))
			.withCauseInstanceOf(CommConnectionLostException.class)
			.withMessageContaining("new process");
		// the client carries on with the new server
		assertThat(comm.request("slow", "job-2", String.class)).isEqualTo("job-2 done");
	}

	@Test
	void callsToAClientThatDoesNotComeBackWithinTheResumeWindowFailAndTheQueueIsBounded() throws Exception {
		CommTestNode server = node(CommTestNode.builder().clientId("server").sessions(Duration.ofMillis(500), 1));
		DefaultCommListener listener = server.listen("tcp://127.0.0.1:0");
		SeverableTcpProxy proxy = proxy(listener);
		CommTestNode client = node(CommTestNode.builder().clientId("worker-1").handlers(new WorkerHandlers()));
		client.connector(proxy.uri());
		CommPool peers = server.peers(listener, Duration.ofSeconds(20));
		await("the worker to connect").until(() -> peers.memberIds().contains("worker-1"));

		proxy.refuse(true);
		proxy.sever();
		await("the worker to be away").until(() -> peers.memberIds().isEmpty());
		CommTarget worker = peers.member("worker-1");
		CompletableFuture<String> queued = worker.requestAsync("echo", "first", String.class);

		assertThatExceptionOfType(CommException.class).isThrownBy(() -> worker.request("echo", "second", String.class))
			.withMessageContaining("comm.sessions.max-queued");
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> queued.get(10, TimeUnit.SECONDS))
			.withCauseInstanceOf(CommConnectionLostException.class)
			.withMessageContaining("did not reconnect within 500 ms");
	}

	private CommTestNode node(CommTestNode.Builder builder) {
		CommTestNode node = builder.build();
		this.resources.add(node);
		return node;
	}

	private SeverableTcpProxy proxy(DefaultCommListener listener) throws Exception {
		SeverableTcpProxy proxy = new SeverableTcpProxy(listener.address().port());
		this.resources.add(proxy);
		return proxy;
	}

	static class ServerHandlers {

		final CountDownLatch started = new CountDownLatch(1);

		private final CountDownLatch release;

		ServerHandlers(CountDownLatch release) {
			this.release = release;
		}

		@CommHandler("slow")
		String slow(String job) throws InterruptedException {
			this.started.countDown();
			if (this.release != null) {
				this.release.await(20, TimeUnit.SECONDS);
			}
			return job + " done";
		}

	}

	static class WorkerHandlers {

		final java.util.concurrent.BlockingQueue<String> notes = new java.util.concurrent.LinkedBlockingQueue<>();

		@CommHandler("note")
		void note(String text) {
			this.notes.add(text);
		}

		@CommHandler("echo")
		String echo(String text) {
			return text;
		}

	}

}
