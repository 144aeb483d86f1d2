package dev.comm.internal.transport.amqp.communica;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Delivery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.comm.CommConnectionLostException;
import dev.comm.address.CommAddress;
import dev.comm.internal.transport.amqp.broker.AmqpBroker;
import dev.comm.protocol.Frame;
import dev.comm.protocol.MessageFrame;
import dev.comm.protocol.ProtocolException;
import dev.comm.testing.RabbitBroker;
import dev.comm.transport.Connection;
import dev.comm.transport.FrameReceiver;
import dev.comm.transport.Listener;
import dev.comm.transport.TransportSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A plain AMQP client playing a communica server against comm's connector for
 * {@code protocol=communica}, to do what the real library does only after long waits or
 * never: refuse the handshake, stay silent, fall silent after it, leave a stale
 * {@code close} in the durable queue, send a body without its {@code 0x00}. The keepalive
 * period is shortened to {@value #PERIOD_MILLIS} ms.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RmqConnectorIntegrationTests {

	private static final long PERIOD_MILLIS = 400;

	private static final String CLIENT = "c1";

	private final String service = RabbitBroker.uniqueService("communica-connector");

	private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);

	private final ExecutorService work = Executors.newCachedThreadPool();

	private final CommunicaRmq communica = new CommunicaRmq(this.scheduler, this.work,
			Duration.ofMillis(PERIOD_MILLIS));

	private AmqpBroker broker;

	private com.rabbitmq.client.Connection plain;

	private Channel channel;

	private final BlockingQueue<Delivery> connectRequests = new LinkedBlockingQueue<>();

	@BeforeEach
	void declareTheService() throws Exception {
		RabbitBroker.assumeAvailable();
		this.broker = new AmqpBroker(CommAddress.parse(RabbitBroker.uri(this.service)), Duration.ofSeconds(5), null);
		this.plain = RabbitBroker.plainConnection();
		this.channel = this.plain.createChannel();
		this.channel.exchangeDeclare(RmqNames.EXCHANGE, BuiltinExchangeType.DIRECT, true);
		String connect = RmqNames.connectQueue(this.service);
		this.channel.queueDeclare(connect, true, false, false, null);
		this.channel.queueBind(connect, RmqNames.EXCHANGE, connect);
	}

	@AfterEach
	void close() throws Exception {
		this.communica.close();
		if (this.channel != null) {
			this.channel.queueDelete(RmqNames.toClient(this.service, CLIENT));
			this.channel.queueDelete(RmqNames.toServer(this.service, CLIENT));
			this.channel.queueDelete(RmqNames.connectQueue(this.service));
			this.plain.close();
		}
		if (this.broker != null) {
			this.broker.close();
		}
		this.scheduler.shutdownNow();
		this.work.shutdownNow();
	}

	@Test
	void aRefusedHandshakeFailsTheConnectWithTheServersReason() throws Exception {
		CompletableFuture<Connection> connecting = connect(Duration.ofSeconds(5));
		FakeServer server = new FakeServer();
		server.answerConnectRequest();
		server.publish(server.clientQueue, RmqNames.HANDSHAKE_FAIL, "{\"reason\":\"no room\"}".getBytes());

		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> connecting.get(10, TimeUnit.SECONDS))
			.withCauseInstanceOf(CommConnectionLostException.class)
			.withMessageContaining("refused the connection: no room");
	}

	@Test
	void aServiceNobodyServesFailsTheConnectWithinTheTimeoutAndItsRequestExpires() throws Exception {
		CompletableFuture<Connection> connecting = connect(Duration.ofMillis(500));

		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> connecting.get(10, TimeUnit.SECONDS))
			.withCauseInstanceOf(CommConnectionLostException.class)
			.withMessageContaining("no communica server of service '" + this.service + "' answered")
			.withMessageContaining("within 500 ms");
		// a server started later finds no request of a connector that gave up
		String connect = RmqNames.connectQueue(this.service);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (this.channel.messageCount(connect) > 0 && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		assertThat(this.channel.messageCount(connect)).isZero();
	}

	@Test
	void aServerThatSaysListeningKeepsTheConnectionAndOneThatFallsSilentLosesIt() throws Exception {
		CompletableFuture<Connection> connecting = connect(Duration.ofSeconds(5));
		FakeServer server = new FakeServer();
		server.handshake();
		Receiver receiver = new Receiver(connecting.get(10, TimeUnit.SECONDS));
		for (int i = 0; i < 10; i++) {
			server.publish(RmqNames.toClient(this.service, CLIENT), RmqNames.LISTENING, new byte[0]);
			Thread.sleep(PERIOD_MILLIS / 2);
		}
		assertThat(receiver.connection.isOpen()).as("open after %d periods of listening", 10 / 2).isTrue();

		Throwable cause = receiver.closed.get(10, TimeUnit.SECONDS);
		assertThat(cause).isInstanceOf(CommConnectionLostException.class)
			.hasMessageContaining("sent nothing, not even 'listening'");
		assertThat(server.nextOnToServer().getProperties().getType()).isEqualTo(RmqNames.CLOSE);
	}

	@Test
	void aCommListenerSaysListeningToAnIdleCommConnector() throws Exception {
		CompletableFuture<Connection> accepted = new CompletableFuture<>();
		CommAddress address = CommAddress.parse(RabbitBroker.uri(this.service) + "&protocol=communica");
		try (Listener listener = this.communica.listen(this.broker, address, this.service, TransportSettings.defaults(),
				accepted::complete)) {
			Receiver receiver = new Receiver(connect(Duration.ofSeconds(5)).get(10, TimeUnit.SECONDS));
			new Receiver(accepted.get(10, TimeUnit.SECONDS));
			// without the listener's listening, the connector would give up after 1.5
			// periods
			Thread.sleep(PERIOD_MILLIS * 5);

			assertThat(receiver.connection.isOpen()).isTrue();
			assertThat(receiver.closed).isNotDone();
		}
	}

	@Test
	void aStaleCloseIsIgnoredAndTheConnectionsOwnCloseEndsIt() throws Exception {
		String toClient = RmqNames.toClient(this.service, CLIENT);
		this.channel.queueDeclare(toClient, true, false, false, null);
		this.channel.queueBind(toClient, RmqNames.EXCHANGE, toClient);
		// left behind by an earlier connection of the same client
		this.channel.basicPublish(RmqNames.EXCHANGE, toClient,
				new AMQP.BasicProperties.Builder().type(RmqNames.CLOSE).build(), new byte[16]);
		CompletableFuture<Connection> connecting = connect(Duration.ofSeconds(5));
		FakeServer server = new FakeServer();
		byte[] connectId = server.handshake();
		Receiver receiver = new Receiver(connecting.get(10, TimeUnit.SECONDS));
		server.publish(toClient, RmqNames.MESSAGE,
				"{\"id\":\"1\",\"type\":2,\"route\":\"note\"}\0\"hi\"".getBytes(StandardCharsets.UTF_8));

		MessageFrame note = (MessageFrame) receiver.frames.poll(10, TimeUnit.SECONDS);
		assertThat(note).isNotNull();
		assertThat(note.metadata().route()).isEqualTo("note");
		assertThat(receiver.connection.isOpen()).isTrue();
		server.publish(toClient, RmqNames.CLOSE, connectId);
		assertThat(receiver.closed.get(10, TimeUnit.SECONDS)).isNull();
	}

	@Test
	void aBodyWithoutItsSeparatorClosesTheConnectionAndTellsTheServer() throws Exception {
		CompletableFuture<Connection> connecting = connect(Duration.ofSeconds(5));
		FakeServer server = new FakeServer();
		byte[] connectId = server.handshake();
		Receiver receiver = new Receiver(connecting.get(10, TimeUnit.SECONDS));
		server.publish(RmqNames.toClient(this.service, CLIENT), RmqNames.MESSAGE,
				"{\"id\":\"1\",\"type\":1}".getBytes(StandardCharsets.UTF_8));

		assertThat(receiver.closed.get(10, TimeUnit.SECONDS)).isInstanceOf(ProtocolException.class)
			.hasMessageContaining("no 0x00");
		Delivery close = server.nextOnToServer();
		assertThat(close.getProperties().getType()).isEqualTo(RmqNames.CLOSE);
		assertThat(close.getBody()).isEqualTo(connectId);
	}

	private CompletableFuture<Connection> connect(Duration timeout) throws Exception {
		CommAddress address = CommAddress.parse(RabbitBroker.uri(this.service) + "&protocol=communica");
		TransportSettings settings = new TransportSettings(TransportSettings.DEFAULT_MAX_FRAME_SIZE, timeout)
			.withClientId(CLIENT);
		return this.communica.connect(this.broker, address, this.service, settings);
	}

	/** The server's side of the handshake, one step at a time. */
	private final class FakeServer {

		private final String ownQueue;

		private final BlockingQueue<Delivery> inbox = new LinkedBlockingQueue<>();

		private String clientQueue;

		FakeServer() throws Exception {
			this.ownQueue = RmqConnectorIntegrationTests.this.channel.queueDeclare().getQueue();
			RmqConnectorIntegrationTests.this.channel.queueBind(this.ownQueue, RmqNames.EXCHANGE, this.ownQueue);
			RmqConnectorIntegrationTests.this.channel.basicConsume(this.ownQueue, true,
					(tag, delivery) -> this.inbox.add(delivery), (tag) -> {
					});
		}

		void answerConnectRequest() throws Exception {
			Channel on = RmqConnectorIntegrationTests.this.channel;
			on.basicConsume(RmqNames.connectQueue(RmqConnectorIntegrationTests.this.service), true,
					(tag, delivery) -> RmqConnectorIntegrationTests.this.connectRequests.add(delivery), (tag) -> {
					});
			Delivery request = RmqConnectorIntegrationTests.this.connectRequests.poll(10, TimeUnit.SECONDS);
			assertThat(request).isNotNull();
			assertThat(request.getProperties().getType()).isEqualTo(RmqNames.CONNECT);
			assertThat(new String(request.getBody(), StandardCharsets.UTF_8)).isEqualTo("\"" + CLIENT + "\"");
			this.clientQueue = request.getProperties().getReplyTo();
			on.basicPublish(RmqNames.EXCHANGE, this.clientQueue,
					new AMQP.BasicProperties.Builder().type(RmqNames.CONNECT_OK).replyTo(this.ownQueue).build(),
					new byte[0]);
		}

		byte[] handshake() throws Exception {
			answerConnectRequest();
			publish(this.clientQueue, RmqNames.HANDSHAKE_NEXT, "{\"hello\":\"hello\"}".getBytes());
			Delivery hello = this.inbox.poll(10, TimeUnit.SECONDS);
			assertThat(hello).isNotNull();
			assertThat(hello.getProperties().getType()).isEqualTo(RmqNames.HANDSHAKE_NEXT);
			assertThat(new String(hello.getBody(), StandardCharsets.UTF_8)).contains("\"client_id\":\"" + CLIENT);
			for (String queue : new String[] { RmqNames.toClient(RmqConnectorIntegrationTests.this.service, CLIENT),
					RmqNames.toServer(RmqConnectorIntegrationTests.this.service, CLIENT) }) {
				RmqConnectorIntegrationTests.this.channel.queueDeclare(queue, true, false, false, null);
				RmqConnectorIntegrationTests.this.channel.queueBind(queue, RmqNames.EXCHANGE, queue);
			}
			byte[] connectId = new byte[16];
			connectId[0] = 42;
			publish(this.clientQueue, RmqNames.HANDSHAKE_DONE, connectId);
			return connectId;
		}

		void publish(String queue, String type, byte[] body) throws Exception {
			RmqConnectorIntegrationTests.this.channel.basicPublish(RmqNames.EXCHANGE, queue,
					new AMQP.BasicProperties.Builder().type(type).build(), body);
		}

		Delivery nextOnToServer() throws Exception {
			RmqConnectorIntegrationTests.this.channel.basicConsume(
					RmqNames.toServer(RmqConnectorIntegrationTests.this.service, CLIENT), true,
					(tag, delivery) -> this.inbox.add(delivery), (tag) -> {
					});
			Delivery delivery = this.inbox.poll(10, TimeUnit.SECONDS);
			assertThat(delivery).as("a message on the server's queue").isNotNull();
			return delivery;
		}

	}

	/** What the connection hands its link. */
	private static final class Receiver implements FrameReceiver {

		private final Connection connection;

		private final BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();

		private final CompletableFuture<Throwable> closed = new CompletableFuture<>();

		Receiver(Connection connection) {
			this.connection = connection;
			connection.start(this);
		}

		@Override
		public void frame(Frame frame) {
			this.frames.add(frame);
		}

		@Override
		public void closed(Throwable cause) {
			this.closed.complete(cause);
		}

	}

}
