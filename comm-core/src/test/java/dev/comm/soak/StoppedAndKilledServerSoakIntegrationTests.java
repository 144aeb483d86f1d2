package dev.comm.soak;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;

import dev.comm.client.CommClient;
import dev.comm.testing.CommTestNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bounded soak against a server in a process of its own: requests keep flowing while
 * the process is stopped with SIGSTOP for 5 s, and while it is killed and started again
 * on the same port. Every request must end within its timeout plus a second, and once the
 * new process is up, calls reach it again.
 */
class StoppedAndKilledServerSoakIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(3);

	private static final int PER_SECOND = 200;

	@Test
	void requestsEndInTimeWhileTheServerIsStoppedAndWhileItIsKilledAndRestarted() throws Exception {
		int port = freePort();
		Process first = startServer(port);
		try (CommTestNode client = CommTestNode.builder().clientId("soak-client").build()) {
			CommClient comm = client.connect("tcp://127.0.0.1:" + port, TIMEOUT);
			assertThat(comm.request("soak.work", "warm-up", String.class)).startsWith(first.pid() + ":");
			Calls calls = new Calls(comm);

			calls.runFor(Duration.ofSeconds(2));
			signal("STOP", first.pid());
			calls.runFor(Duration.ofSeconds(5));
			signal("CONT", first.pid());
			calls.runFor(Duration.ofSeconds(2));
			first.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			calls.runFor(Duration.ofSeconds(1));
			Process second = startServer(port);
			try {
				calls.runFor(Duration.ofSeconds(4));
				calls.awaitAll();
				System.out.printf(
						"Process soak: %d requests, %d answered (%d by the restarted process), "
								+ "%d failed %s, %d late%n",
						calls.sent.get(), calls.answered.get(), calls.answeredBy(second.pid()), calls.failed.get(),
						calls.causes, calls.late.get());

				assertThat(calls.late).hasValue(0);
				assertThat(calls.answered.get() + calls.failed.get()).isEqualTo(calls.sent.get());
				assertThat(calls.answeredBy(second.pid())).isPositive();
				assertThat(comm.request("soak.work", "after", String.class)).startsWith(second.pid() + ":");
			}
			finally {
				second.destroyForcibly();
			}
		}
		finally {
			first.destroyForcibly();
		}
	}

	private static Process startServer(int port) throws IOException, InterruptedException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
				SoakServerMain.class.getName(), Integer.toString(port))
			.redirectErrorStream(true)
			.start();
		BufferedReader output = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		CompletableFuture<Void> ready = CompletableFuture.runAsync(() -> {
			try {
				String line;
				while ((line = output.readLine()) != null) {
					if (line.startsWith("ready")) {
						return;
					}
				}
				throw new IllegalStateException("The server process ended before it was ready");
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		});
		try {
			ready.get(30, TimeUnit.SECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			process.destroyForcibly();
			throw new IllegalStateException("The server process did not start", ex);
		}
		// keep draining its output, so that it never blocks on a full pipe
		CompletableFuture.runAsync(() -> output.lines().forEach((line) -> {
		}));
		return process;
	}

	private static void signal(String signal, long pid) throws Exception {
		assertThat(new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).start().waitFor()).isZero();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/** Requests at a steady rate, each checked against its deadline. */
	static final class Calls {

		final CommClient comm;

		final AtomicLong sent = new AtomicLong();

		final AtomicLong answered = new AtomicLong();

		final AtomicLong failed = new AtomicLong();

		final AtomicLong late = new AtomicLong();

		final Map<String, AtomicInteger> causes = new ConcurrentHashMap<>();

		final Map<Long, AtomicInteger> answersByPid = new ConcurrentHashMap<>();

		final List<CompletableFuture<String>> all = new ArrayList<>();

		Calls(CommClient comm) {
			this.comm = comm;
		}

		void runFor(Duration duration) {
			long start = System.nanoTime();
			long count = duration.toMillis() * PER_SECOND / 1000;
			for (long i = 0; i < count; i++) {
				long wait = start + i * 1_000_000_000L / PER_SECOND - System.nanoTime();
				if (wait > 0) {
					LockSupport.parkNanos(wait);
				}
				send();
			}
		}

		private void send() {
			long started = System.nanoTime();
			CompletableFuture<String> reply = this.comm.requestAsync("soak.work", "r-" + this.sent.incrementAndGet(),
					String.class);
			this.all.add(reply);
			reply.whenComplete((value, failure) -> {
				if (System.nanoTime() - started > TIMEOUT.plusSeconds(1).toNanos()) {
					this.late.incrementAndGet();
				}
				if (failure == null) {
					this.answered.incrementAndGet();
					long pid = Long.parseLong(value.substring(0, value.indexOf(':')));
					this.answersByPid.computeIfAbsent(pid, (key) -> new AtomicInteger()).incrementAndGet();
				}
				else {
					this.failed.incrementAndGet();
					Throwable cause = (failure.getCause() != null) ? failure.getCause() : failure;
					this.causes.computeIfAbsent(cause.getClass().getSimpleName(), (key) -> new AtomicInteger())
						.incrementAndGet();
				}
			});
		}

		void awaitAll() throws InterruptedException {
			for (CompletableFuture<String> reply : this.all) {
				try {
					reply.get(TIMEOUT.plusSeconds(1).toMillis(), TimeUnit.MILLISECONDS);
				}
				catch (TimeoutException ex) {
					this.late.incrementAndGet();
				}
				catch (ExecutionException ex) {
					// counted when it completed
				}
			}
		}

		int answeredBy(long pid) {
			AtomicInteger count = this.answersByPid.get(pid);
			return (count != null) ? count.get() : 0;
		}

	}

}
