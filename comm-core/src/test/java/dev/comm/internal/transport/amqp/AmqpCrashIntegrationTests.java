package dev.comm.internal.transport.amqp;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.comm.client.CommClient;
import dev.comm.handler.CommHandler;
import dev.comm.testing.CommTestNode;
import dev.comm.testing.RabbitBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An instance killed while it holds unacknowledged messages: the broker gives them to the
 * instances still running, so no request goes unanswered and no confirmed throw is lost.
 */
class AmqpCrashIntegrationTests {

	private static final int PREFETCH = 10;

	private static final int EACH = 20;

	private final String service = RabbitBroker.uniqueService("crash");

	private final List<CommTestNode> nodes = new ArrayList<>();

	private Process doomed;

	@BeforeEach
	void requireBroker() {
		RabbitBroker.assumeAvailable();
	}

	@AfterEach
	void close() {
		if (this.doomed != null) {
			this.doomed.destroyForcibly();
		}
		this.nodes.forEach(CommTestNode::close);
		RabbitBroker.deleteServices(List.of(this.service));
	}

	@Test
	void messagesHeldByAKilledInstanceAreServedByTheOthersAndNoConfirmedThrowIsLost() throws Exception {
		BlockingQueue<String> doomedOutput = startDoomedInstance();
		assertThat(doomedOutput.poll(30, TimeUnit.SECONDS)).isEqualTo("READY");
		CommClient comm = node(CommTestNode.builder().clientId("crash-caller")).connect(RabbitBroker.uri(this.service),
				Duration.ofSeconds(60));

		// every send returns once the broker confirmed the throw
		IntStream.range(0, EACH).forEach((i) -> comm.send("audit", i));
		List<CompletableFuture<String>> replies = IntStream.range(0, EACH)
			.mapToObj((i) -> comm.requestAsync("work", i, String.class))
			.toList();
		for (int held = 0; held < PREFETCH; held++) {
			assertThat(doomedOutput.poll(30, TimeUnit.SECONDS)).as("message %s held", held).isEqualTo("HOLDING");
		}

		// the prefetch bounds what the instance holds; the rest waits in the queue (the
		// requests were published without waiting for the broker, so wait for the count)
		String expected = (2 * EACH - PREFETCH) + " " + PREFETCH;
		await("the broker to count the held and waiting messages").atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(250))
			.untilAsserted(() -> assertThat(queueCounts()).as("ready and unacknowledged messages").isEqualTo(expected));

		Survivor survivor = new Survivor();
		node(CommTestNode.builder().clientId("survivor-1").handlers(survivor)).listen(RabbitBroker.uri(this.service));
		node(CommTestNode.builder().clientId("survivor-2").handlers(survivor)).listen(RabbitBroker.uri(this.service));
		this.doomed.destroyForcibly();
		assertThat(this.doomed.waitFor(30, TimeUnit.SECONDS)).isTrue();

		assertThat(CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new)))
			.succeedsWithin(Duration.ofSeconds(60));
		for (int i = 0; i < EACH; i++) {
			assertThat(replies.get(i).join()).isEqualTo("done " + i);
		}
		await("the survivors to audit every throw").atMost(Duration.ofSeconds(30))
			.until(() -> survivor.audited.size() >= EACH);
		assertThat(survivor.audited).containsExactlyInAnyOrderElementsOf(IntStream.range(0, EACH).boxed().toList());
	}

	/**
	 * The service queue's ready and unacknowledged message counts, as the broker reports
	 * them.
	 */
	private String queueCounts() throws Exception {
		String listing = RabbitBroker.rabbitmqctl("list_queues", "--quiet", "--no-table-headers", "name",
				"messages_ready", "messages_unacknowledged");
		String queue = "comm.service." + this.service;
		return listing.lines()
			.map(String::strip)
			.filter((line) -> line.startsWith(queue + "\t") || line.startsWith(queue + " "))
			.map((line) -> line.substring(queue.length()).strip().replaceAll("\\s+", " "))
			.findFirst()
			.orElse("no queue " + queue + " in " + listing);
	}

	private BlockingQueue<String> startDoomedInstance() throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		this.doomed = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
				AmqpWorkerProcess.class.getName(), RabbitBroker.uri(this.service), String.valueOf(PREFETCH))
			.redirectErrorStream(true)
			.start();
		BlockingQueue<String> lines = new LinkedBlockingQueue<>();
		Thread reader = new Thread(() -> {
			try (BufferedReader in = new BufferedReader(
					new InputStreamReader(this.doomed.getInputStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = in.readLine()) != null) {
					if (line.equals("READY") || line.equals("HOLDING")) {
						lines.add(line);
					}
				}
			}
			catch (Exception ex) {
				// the process was killed
			}
		}, "doomed-output");
		reader.setDaemon(true);
		reader.start();
		return lines;
	}

	private CommTestNode node(CommTestNode.Builder builder) {
		CommTestNode node = builder.build();
		this.nodes.add(node);
		return node;
	}

	static final class Survivor {

		final Set<Integer> audited = ConcurrentHashMap.newKeySet();

		@CommHandler("work")
		String work(int index) {
			return "done " + index;
		}

		@CommHandler("audit")
		void audit(int index) {
			this.audited.add(index);
		}

	}

}
