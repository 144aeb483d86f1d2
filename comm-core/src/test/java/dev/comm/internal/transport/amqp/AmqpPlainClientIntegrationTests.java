package dev.comm.internal.transport.amqp;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.comm.handler.CommHandler;
import dev.comm.testing.CommTestNode;
import dev.comm.testing.RabbitBroker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Programs that are not comm reach a {@code @CommHandler} by following docs/PROTOCOL.md's
 * AMQP mapping: RabbitMQ's command-line {@code amqp-publish} and the plain RabbitMQ Java
 * client.
 */
class AmqpPlainClientIntegrationTests {

	private final String service = RabbitBroker.uniqueService("plain");

	private final Handlers handlers = new Handlers();

	private CommTestNode server;

	@BeforeEach
	void listen() {
		RabbitBroker.assumeAvailable();
		this.server = CommTestNode.builder().clientId("plain-server").handlers(this.handlers).build();
		this.server.listen(RabbitBroker.uri(this.service));
	}

	@AfterEach
	void close() {
		if (this.server != null) {
			this.server.close();
		}
		RabbitBroker.deleteServices(List.of(this.service));
	}

	@Test
	void throwPublishedWithAmqpPublishReachesTheHandler() throws Exception {
		if (!isOnPath("amqp-publish")) {
			String missing = "amqp-publish (Debian's amqp-tools) is not installed; bash .ci/run installs it";
			assertThat(System.getenv("CI")).as(missing).isNotEqualToIgnoringCase("true");
			Assumptions.abort(missing);
		}
		Process publish = new ProcessBuilder("amqp-publish",
				"--url=amqp://guest:guest@" + RabbitBroker.HOST + ":" + RabbitBroker.PORT,
				"--routing-key=comm.service." + this.service, "--persistent", "--header=comm-route: audit",
				"--body={\"event\":\"from the shell\"}")
			.redirectErrorStream(true)
			.start();
		assertThat(publish.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(publish.exitValue()).as(new String(publish.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
			.isZero();
		assertThat(this.handlers.audits.poll(10, TimeUnit.SECONDS)).isEqualTo(new Audit("from the shell"));
	}

	@Test
	void requestFromThePlainJavaClientGetsTheHandlersReplyWithItsCorrelationId() throws Exception {
		try (Connection connection = RabbitBroker.plainConnection(); Channel channel = connection.createChannel()) {
			String replyQueue = channel.queueDeclare().getQueue();
			BlockingQueue<Object[]> replies = new LinkedBlockingQueue<>();
			channel.basicConsume(replyQueue, true, new DefaultConsumer(channel) {
				@Override
				public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties,
						byte[] body) {
					replies.add(new Object[] { properties, new String(body, StandardCharsets.UTF_8) });
				}
			});
			String id = UUID.randomUUID().toString();
			AMQP.BasicProperties request = new AMQP.BasicProperties.Builder().correlationId(id)
				.replyTo(replyQueue)
				.headers(Map.of("comm-type", 1, "comm-route", "greet"))
				.build();
			channel.basicPublish("", "comm.service." + this.service, request,
					"\"ada\"".getBytes(StandardCharsets.UTF_8));

			Object[] reply = replies.poll(10, TimeUnit.SECONDS);
			assertThat(reply).isNotNull();
			AMQP.BasicProperties properties = (AMQP.BasicProperties) reply[0];
			assertThat(properties.getCorrelationId()).isEqualTo(id);
			assertThat(properties.getHeaders()).containsEntry("comm-type", 11);
			assertThat(reply[1]).isEqualTo("\"hello ada\"");

			AMQP.BasicProperties failing = new AMQP.BasicProperties.Builder().correlationId(id + "-2")
				.replyTo(replyQueue)
				.headers(Map.of("comm-route", "refuse"))
				.build();
			channel.basicPublish("", "comm.service." + this.service, failing, "\"x\"".getBytes());
			Object[] error = replies.poll(10, TimeUnit.SECONDS);
			assertThat(error).isNotNull();
			AMQP.BasicProperties errorProperties = (AMQP.BasicProperties) error[0];
			assertThat(errorProperties.getHeaders()).containsEntry("comm-type", 41)
				.containsEntry("comm-error-code", 403);
			assertThat(errorProperties.getHeaders().get("comm-error")).hasToString("requester-fault");
			assertThat((String) error[1]).contains("\"message\":\"not you\"");
		}
	}

	private static boolean isOnPath(String command) {
		for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
			if (java.nio.file.Files.isExecutable(java.nio.file.Path.of(dir, command))) {
				return true;
			}
		}
		return false;
	}

	record Audit(String event) {
	}

	static final class Handlers {

		final BlockingQueue<Audit> audits = new LinkedBlockingQueue<>();

		@CommHandler("audit")
		void audit(Audit audit) {
			this.audits.add(audit);
		}

		@CommHandler("greet")
		String greet(String name) {
			return "hello " + name;
		}

		@CommHandler("refuse")
		String refuse(String ignored) {
			throw new dev.comm.RequesterFaultException(403, "not you");
		}

	}

}
