package dev.comm.internal.transport.amqp.communica;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.Delivery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.comm.handler.CommHandler;
import dev.comm.testing.CommTestNode;
import dev.comm.testing.RabbitBroker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plain AMQP client playing a communica client against a comm listener with
 * {@code protocol=communica}, to send what the real library never sends: connect requests
 * of the wrong shape are dropped without harm, a message body without its {@code 0x00}
 * closes only that connection (the listener says {@code close} with the connect id), and
 * a stale {@code close} is ignored.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RmqListenerBadInputIntegrationTests {

	private final String service = RabbitBroker.uniqueService("communica-bad");

	private CommTestNode node;

	private Connection broker;

	private Channel channel;

	@BeforeEach
	void listen() throws Exception {
		RabbitBroker.assumeAvailable();
		this.node = CommTestNode.builder().handlers(new Echo()).build();
		this.node.listen(RabbitBroker.uri(this.service) + "&protocol=communica");
		this.broker = RabbitBroker.plainConnection();
		this.channel = this.broker.createChannel();
	}

	@AfterEach
	void close() throws Exception {
		if (this.channel != null) {
			for (String client : new String[] { "c1", "c2" }) {
				this.channel.queueDelete(RmqNames.toClient(this.service, client));
				this.channel.queueDelete(RmqNames.toServer(this.service, client));
			}
			this.channel.queueDelete(RmqNames.connectQueue(this.service));
		}
		if (this.broker != null) {
			this.broker.close();
		}
		if (this.node != null) {
			this.node.close();
		}
	}

	@Test
	void malformedConnectRequestsAreDroppedAndTheNextClientStillConnects() throws Exception {
		String connect = RmqNames.connectQueue(this.service);
		Inbox inbox = new Inbox(this.channel);
		publish(connect, "something_else", inbox.queue, "\"c1\"");
		publish(connect, RmqNames.CONNECT, null, "\"c1\"");
		publish(connect, RmqNames.CONNECT, inbox.queue, "{\"not\":\"a string\"}");
		publish(connect, RmqNames.CONNECT, inbox.queue, "not json");
		byte[] connectId = handshake(inbox, "c1");
		assertThat(connectId).hasSize(16);
		assertThat(echo("c1", inbox, "1")).isEqualTo("\"hi\"");
	}

	@Test
	void aBodyWithoutSeparatorClosesThatConnectionWithItsConnectIdAndAStaleCloseIsIgnored() throws Exception {
		Inbox first = new Inbox(this.channel);
		byte[] firstId = handshake(first, "c1");
		Inbox second = new Inbox(this.channel);
		byte[] secondId = handshake(second, "c2");
		// a close with another connect id, as an earlier connection leaves behind
		publishTo(RmqNames.toServer(this.service, "c2"), RmqNames.CLOSE, new byte[16]);
		assertThat(echo("c2", second, "1")).isEqualTo("\"hi\"");
		publishTo(RmqNames.toServer(this.service, "c1"), RmqNames.MESSAGE,
				"{\"id\":\"1\",\"type\":1,\"route\":\"echo\"}\"hi\"".getBytes(StandardCharsets.UTF_8));
		Delivery close = first.next(RmqNames.toClient(this.service, "c1"));
		assertThat(close.getProperties().getType()).isEqualTo(RmqNames.CLOSE);
		assertThat(close.getBody()).isEqualTo(firstId);
		// the other client's connection is untouched
		assertThat(echo("c2", second, "2")).isEqualTo("\"hi\"");
		assertThat(secondId).isNotEqualTo(firstId);
	}

	private byte[] handshake(Inbox inbox, String client) throws Exception {
		publish(RmqNames.connectQueue(this.service), RmqNames.CONNECT, inbox.queue, "\"" + client + "\"");
		Delivery ok = inbox.take();
		assertThat(ok.getProperties().getType()).isEqualTo(RmqNames.CONNECT_OK);
		String serverQueue = ok.getProperties().getReplyTo();
		Delivery hello = inbox.take();
		assertThat(hello.getProperties().getType()).isEqualTo(RmqNames.HANDSHAKE_NEXT);
		assertThat(new String(hello.getBody(), StandardCharsets.UTF_8)).contains("\"hello\":\"hello\"");
		publish(serverQueue, RmqNames.HANDSHAKE_NEXT, null, "{\"client_id\":\"py-" + client + "\"}");
		Delivery done = inbox.take();
		assertThat(done.getProperties().getType()).isEqualTo(RmqNames.HANDSHAKE_DONE);
		return done.getBody();
	}

	private String echo(String client, Inbox inbox, String id) throws Exception {
		publishTo(RmqNames.toServer(this.service, client), RmqNames.MESSAGE,
				("{\"id\":\"" + id + "\",\"type\":1,\"route\":\"echo\"}\0\"hi\"").getBytes(StandardCharsets.UTF_8));
		Delivery reply = inbox.next(RmqNames.toClient(this.service, client));
		assertThat(reply.getProperties().getType()).isEqualTo(RmqNames.MESSAGE);
		String body = new String(reply.getBody(), StandardCharsets.UTF_8);
		assertThat(body).startsWith("{\"id\":\"" + id + "\",\"type\":11");
		return body.substring(body.indexOf('\0') + 1);
	}

	private void publish(String queue, String type, String replyTo, String body) throws Exception {
		AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder().type(type).replyTo(replyTo).build();
		this.channel.basicPublish(RmqNames.EXCHANGE, queue, properties, body.getBytes(StandardCharsets.UTF_8));
	}

	private void publishTo(String queue, String type, byte[] body) throws Exception {
		this.channel.basicPublish(RmqNames.EXCHANGE, queue, new AMQP.BasicProperties.Builder().type(type).build(),
				body);
	}

	/** The client's handshake queue, and its data queue once consumed. */
	private static final class Inbox {

		private final Channel channel;

		private final String queue;

		private final BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();

		private boolean consumingData;

		Inbox(Channel channel) throws Exception {
			this.channel = channel;
			this.queue = channel.queueDeclare().getQueue();
			channel.queueBind(this.queue, RmqNames.EXCHANGE, this.queue);
			channel.basicConsume(this.queue, true, (tag, delivery) -> this.deliveries.add(delivery), (tag) -> {
			});
		}

		Delivery take() throws InterruptedException {
			Delivery delivery = this.deliveries.poll(10, TimeUnit.SECONDS);
			assertThat(delivery).as("a delivery within 10 s").isNotNull();
			return delivery;
		}

		/** The next message on the client's data queue, skipping {@code listening}. */
		Delivery next(String toClient) throws Exception {
			if (!this.consumingData) {
				this.consumingData = true;
				this.channel.basicConsume(toClient, true, (tag, delivery) -> this.deliveries.add(delivery), (tag) -> {
				});
			}
			Delivery delivery;
			do {
				delivery = take();
			}
			while (RmqNames.LISTENING.equals(delivery.getProperties().getType()));
			return delivery;
		}

	}

	static final class Echo {

		@CommHandler("echo")
		Object echo(Object anything) {
			return anything;
		}

	}

}
