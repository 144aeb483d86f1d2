package dev.comm.internal.transport.amqp.communica;

import java.time.Duration;
import java.util.concurrent.ExecutionException;

import org.junit.jupiter.api.Test;

import dev.comm.CommException;
import dev.comm.address.CommAddress;
import dev.comm.internal.transport.amqp.AmqpTransport;
import dev.comm.transport.TransportSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What {@code protocol=communica} does not do yet, or cannot do, is refused at once with
 * a message that says so, before any broker is dialled.
 */
class CommunicaRmqRefusalsTests {

	@Test
	void aConnectorFailsAtOnceSayingOnlyListenersSpeakIt() {
		try (AmqpTransport transport = new AmqpTransport()) {
			CommAddress address = CommAddress.parse("amqp://127.0.0.1:1/?service=orders&protocol=communica");

			assertThat(transport.connect(address, TransportSettings.defaults())).failsWithin(Duration.ZERO)
				.withThrowableOfType(ExecutionException.class)
				.withCauseInstanceOf(CommException.class)
				.withMessageContaining("a comm connector cannot call a communica RmqConnector server yet");
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
