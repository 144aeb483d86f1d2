package dev.comm.internal.transport.amqp.communica;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.junit.jupiter.api.Test;

import dev.comm.CommException;
import dev.comm.address.CommAddress;
import dev.comm.internal.transport.amqp.AmqpTransport;
import dev.comm.transport.Connection;
import dev.comm.transport.TransportSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What {@code protocol=communica} cannot do is refused at once with a message that says
 * so, before any broker is dialled.
 */
class CommunicaRmqRefusalsTests {

	@Test
	void aConnectorWithoutAClientIdFailsAtOnceNamingTheProperty() {
		assertThat(connect("amqp://127.0.0.1:1/?service=orders&protocol=communica", TransportSettings.defaults()))
			.failsWithin(Duration.ZERO)
			.withThrowableOfType(ExecutionException.class)
			.withCauseInstanceOf(CommException.class)
			.withMessageContaining("set comm.client-id or add client=<id> to the address");
	}

	@Test
	void aConnectorWithBroadcastIsRefused() {
		assertThat(connect("amqp://127.0.0.1:1/?service=orders&protocol=communica&broadcast=true",
				TransportSettings.defaults().withClientId("worker-1")))
			.failsWithin(Duration.ZERO)
			.withThrowableOfType(ExecutionException.class)
			.withMessageContaining("communica's protocol has no broadcast");
	}

	@Test
	void aClientIdTooLongForCommunicasQueueNamesIsRefused() {
		assertThat(connect("amqp://127.0.0.1:1/?service=orders&protocol=communica&client=" + "w".repeat(220),
				TransportSettings.defaults()))
			.failsWithin(Duration.ZERO)
			.withThrowableOfType(ExecutionException.class)
			.withMessageContaining("longer than 224 characters");
	}

	@Test
	void theClientParameterNeedsCommunicasProtocol() {
		assertThat(connect("amqp://127.0.0.1:1/?service=orders&client=worker-1", TransportSettings.defaults()))
			.failsWithin(Duration.ZERO)
			.withThrowableOfType(ExecutionException.class)
			.withMessageContaining("it needs protocol=communica");
	}

	@Test
	void aListenerWithAClientIsRefused() {
		try (AmqpTransport transport = new AmqpTransport()) {
			CommAddress address = CommAddress.parse("amqp://127.0.0.1:1/?service=orders&protocol=communica&client=a");

			assertThatExceptionOfType(CommException.class)
				.isThrownBy(() -> transport.listen(address, TransportSettings.defaults(), (connection) -> {
				}))
				.withMessageContaining("'client' is for connectors");
		}
	}

	private static CompletableFuture<Connection> connect(String uri, TransportSettings settings) {
		try (AmqpTransport transport = new AmqpTransport()) {
			return transport.connect(CommAddress.parse(uri), settings);
		}
	}

	@Test
	void aListenerWithBroadcastIsRefused() {
		try (AmqpTransport transport = new AmqpTransport()) {
			CommAddress address = CommAddress
				.parse("amqp://127.0.0.1:1/?service=orders&protocol=communica&broadcast=true");

			assertThatExceptionOfType(CommException.class)
				.isThrownBy(() -> transport.listen(address, TransportSettings.defaults(), (connection) -> {
				}))
				.withMessageContaining("communica's protocol has no broadcast");
		}
	}

}
