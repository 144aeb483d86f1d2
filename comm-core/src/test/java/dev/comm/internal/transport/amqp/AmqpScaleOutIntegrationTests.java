package dev.comm.internal.transport.amqp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.comm.client.CommClient;
import dev.comm.handler.CommHandler;
import dev.comm.testing.CommTestNode;
import dev.comm.testing.RabbitBroker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three instances of one service, each a node of its own (as separate applications would
 * be), share the service's queue.
 */
class AmqpScaleOutIntegrationTests {

	private static final int REQUESTS = 300;

	private final String service = RabbitBroker.uniqueService("scale");

	private final List<CommTestNode> nodes = new ArrayList<>();

	@BeforeEach
	void requireBroker() {
		RabbitBroker.assumeAvailable();
	}

	@AfterEach
	void close() {
		this.nodes.forEach(CommTestNode::close);
		RabbitBroker.deleteServices(List.of(this.service));
	}

	@Test
	void threeInstancesShareTheRequestsAndEachRequestIsAnsweredExactlyOnce() {
		List<Instance> instances = List.of(new Instance("a"), new Instance("b"), new Instance("c"));
		for (Instance instance : instances) {
			node(CommTestNode.builder().clientId("instance-" + instance.name).amqpPrefetch(5).handlers(instance))
				.listen(RabbitBroker.uri(this.service));
		}
		CommClient comm = node(CommTestNode.builder().clientId("caller")).connect(RabbitBroker.uri(this.service),
				Duration.ofSeconds(30));

		List<CompletableFuture<String>> replies = new ArrayList<>();
		for (int i = 0; i < REQUESTS; i++) {
			replies.add(comm.requestAsync("work", i, String.class));
		}
		assertThat(CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new)))
			.succeedsWithin(Duration.ofSeconds(60));

		Map<String, Long> repliesPerInstance = replies.stream()
			.map(CompletableFuture::join)
			.map((reply) -> reply.substring(0, reply.indexOf(':')))
			.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
		assertThat(repliesPerInstance).containsOnlyKeys("a", "b", "c");
		for (int i = 0; i < REQUESTS; i++) {
			assertThat(replies.get(i).join()).endsWith(":" + i);
		}
		List<Integer> served = instances.stream().flatMap((instance) -> instance.served.stream()).toList();
		assertThat(served).hasSize(REQUESTS).doesNotHaveDuplicates();
		instances.forEach((instance) -> assertThat(instance.served).as("served by %s", instance.name).isNotEmpty());
	}

	@Test
	void broadcastThrowReachesEveryLiveInstance() throws Exception {
		List<Instance> instances = List.of(new Instance("a"), new Instance("b"), new Instance("c"));
		for (Instance instance : instances) {
			node(CommTestNode.builder().clientId("instance-" + instance.name).handlers(instance))
				.listen(RabbitBroker.uri(this.service));
		}
		CommClient all = node(CommTestNode.builder().clientId("announcer"))
			.connect(RabbitBroker.uri(this.service) + "&broadcast=true", Duration.ofSeconds(30));

		all.send("reload", "prices");

		for (Instance instance : instances) {
			assertThat(instance.reloads.poll(10, TimeUnit.SECONDS)).as("reload at %s", instance.name)
				.isEqualTo("prices");
		}
	}

	private CommTestNode node(CommTestNode.Builder builder) {
		CommTestNode node = builder.build();
		this.nodes.add(node);
		return node;
	}

	static final class Instance {

		final String name;

		final Queue<Integer> served = new ConcurrentLinkedQueue<>();

		final BlockingQueue<String> reloads = new LinkedBlockingQueue<>();

		Instance(String name) {
			this.name = name;
		}

		@CommHandler("reload")
		void reload(String what) {
			this.reloads.add(what);
		}

		@CommHandler("work")
		String work(int index) throws InterruptedException {
			this.served.add(index);
			// long enough that one instance cannot drain
			// the queue before the others take their share
			Thread.sleep(5);
			return this.name + ":" + index;
		}

	}

}
