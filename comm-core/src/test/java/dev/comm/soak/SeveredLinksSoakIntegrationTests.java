package dev.comm.soak;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import dev.comm.client.CommClient;
import dev.comm.handler.CommHandler;
import dev.comm.internal.client.DefaultCommConnector;
import dev.comm.internal.server.DefaultCommListener;
import dev.comm.testing.CommTestNode;
import dev.comm.testing.SeverableTcpProxy;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bounded fault soak: requests and throws through a proxy that severs every connection
 * at random every 0.1 to 1.5 s, with peer sessions on. Every request must end within its
 * timeout plus a second, and no request may run its handler twice; no throw may arrive
 * twice, and every throw handed over must arrive or be counted lost by the connector (the
 * session sends again what a cut kept from the server). The figures go to the test's
 * output.
 */
class SeveredLinksSoakIntegrationTests {

	private static final int REQUESTS = 10_000;

	private static final int THROWS = 10_000;

	private static final int OUTSTANDING = 64;

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	/** How long the calls are spread over. */
	private static final Duration SOAK = Duration.ofSeconds(30);

	private static final AtomicLong START = new AtomicLong();

	@Test
	void requestsAndThrowsThroughALinkThatKeepsBreaking() throws Exception {
		Counting handlers = new Counting();
		try (CommTestNode server = CommTestNode.builder()
			.clientId("soak-server")
			.handlers(handlers)
			.sessions(Duration.ofSeconds(30), 100_000)
			.build(); CommTestNode client = CommTestNode.builder().clientId("soak-client").build()) {
			DefaultCommListener listener = server.listen("tcp://127.0.0.1:0");
			try (SeverableTcpProxy proxy = new SeverableTcpProxy(listener.address().port())) {
				ScheduledExecutorService cutter = Executors.newSingleThreadScheduledExecutor();
				Random random = new Random(42);
				AtomicInteger cuts = new AtomicInteger();
				scheduleCut(cutter, proxy, random, cuts);
				DefaultCommConnector connector = client.connector(proxy.uri());
				CommClient comm = client.client(connector, TIMEOUT);
				START.set(System.nanoTime());
				try {
					CompletableFuture<Results> throwing = CompletableFuture.supplyAsync(() -> throwsOf(comm));
					Results requests = requests(comm);
					Results throwsSent = throwing.join();
					cutter.shutdownNow();
					// what was handed over before the last cut may still be on its way
					Thread.sleep(2000);
					long duplicates = handlers.runs.values().stream().filter((runs) -> runs.get() > 1).count();
					long throwsTwice = handlers.throwRuns.values().stream().filter((runs) -> runs.get() > 1).count();
					long received = handlers.throwRuns.size();
					long missing = throwsSent.succeeded.get() - received;
					long lost = connector.lostMessages();
					System.out.printf(
							"Soak: %d cuts; requests %d ok, %d failed %s, %d hung, %d handler runs twice; "
									+ "throws %d handed over, %d refused %s, %d received, %d twice, %d missing; "
									+ "%d message(s) reported lost%n",
							cuts.get(), requests.succeeded.get(), requests.failed.get(), requests.causes,
							requests.hung.get(), duplicates, throwsSent.succeeded.get(), throwsSent.failed.get(),
							throwsSent.causes, received, throwsTwice, missing, lost);

					assertThat(requests.hung).hasValue(0);
					assertThat(duplicates).isZero();
					assertThat(requests.succeeded.get() + requests.failed.get()).isEqualTo(REQUESTS);
					assertThat(throwsTwice).isZero();
					// a throw that a cut kept from the server is sent again on the next
					// link; one that cannot be is counted lost
					assertThat(missing).isBetween(0L, lost);
				}
				finally {
					cutter.shutdownNow();
				}
			}
		}
	}

	private static void scheduleCut(ScheduledExecutorService cutter, SeverableTcpProxy proxy, Random random,
			AtomicInteger cuts) {
		cutter.schedule(() -> {
			proxy.sever();
			cuts.incrementAndGet();
			scheduleCut(cutter, proxy, random, cuts);
		}, 100 + random.nextInt(1400), TimeUnit.MILLISECONDS);
	}

	private static Results requests(CommClient comm) throws InterruptedException {
		Results results = new Results();
		Semaphore window = new Semaphore(OUTSTANDING);
		List<CompletableFuture<String>> all = new ArrayList<>();
		for (int i = 0; i < REQUESTS; i++) {
			window.acquire();
			pace(i, REQUESTS);
			long started = System.nanoTime();
			CompletableFuture<String> reply = comm.requestAsync("soak.work", "r-" + i, String.class);
			all.add(reply);
			reply.whenComplete((value, failure) -> {
				long took = System.nanoTime() - started;
				if (took > TIMEOUT.plusSeconds(1).toNanos()) {
					results.hung.incrementAndGet();
				}
				if (failure == null) {
					results.succeeded.incrementAndGet();
				}
				else {
					results.failed(failure);
				}
				window.release();
			});
		}
		for (CompletableFuture<String> reply : all) {
			try {
				reply.get(TIMEOUT.plusSeconds(1).toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (java.util.concurrent.TimeoutException ex) {
				results.hung.incrementAndGet();
			}
			catch (java.util.concurrent.ExecutionException ex) {
				// counted as failed
			}
		}
		return results;
	}

	private static Results throwsOf(CommClient comm) {
		Results results = new Results();
		for (int i = 0; i < THROWS; i++) {
			pace(i, THROWS);
			try {
				comm.send("soak.note", "t-" + i);
				results.succeeded.incrementAndGet();
			}
			catch (RuntimeException ex) {
				results.failed(ex);
			}
		}
		return results;
	}

	/** Spreads {@code count} calls over {@link #SOAK}, so that cuts fall among them. */
	private static void pace(int i, int count) {
		long due = START.get() + SOAK.toNanos() * i / count;
		long wait = due - System.nanoTime();
		if (wait > 0) {
			java.util.concurrent.locks.LockSupport.parkNanos(wait);
		}
	}

	static final class Results {

		final Map<String, AtomicInteger> causes = new ConcurrentHashMap<>();

		void failed(Throwable failure) {
			Throwable cause = (failure instanceof java.util.concurrent.CompletionException) ? failure.getCause()
					: failure;
			this.failed.incrementAndGet();
			this.causes.computeIfAbsent(cause.getClass().getSimpleName(), (key) -> new AtomicInteger())
				.incrementAndGet();
		}

		final AtomicLong succeeded = new AtomicLong();

		final AtomicLong failed = new AtomicLong();

		final AtomicLong hung = new AtomicLong();

	}

	static final class Counting {

		final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();

		final Map<String, AtomicInteger> throwRuns = new ConcurrentHashMap<>();

		@CommHandler("soak.work")
		String work(String id) {
			this.runs.computeIfAbsent(id, (key) -> new AtomicInteger()).incrementAndGet();
			return id;
		}

		@CommHandler("soak.note")
		void note(String id) {
			this.throwRuns.computeIfAbsent(id, (key) -> new AtomicInteger()).incrementAndGet();
		}

	}

}
