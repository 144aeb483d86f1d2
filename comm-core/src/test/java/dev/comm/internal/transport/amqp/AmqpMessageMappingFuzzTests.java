package dev.comm.internal.transport.amqp;

import java.util.LinkedHashMap;
import java.util.Map;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.impl.LongStringHelper;

import dev.comm.protocol.MessageType;
import dev.comm.protocol.ProtocolException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any delivery, with any properties and headers of any AMQP value type, either reads as a
 * message or fails with a {@link ProtocolException}, which refuses it; a message read is
 * one comm could answer.
 */
class AmqpMessageMappingFuzzTests {

	@FuzzTest(maxDuration = "10s")
	void anyDeliveryReadsAsAMessageOrAProtocolError(FuzzedDataProvider data) {
		Map<String, Object> headers = new LinkedHashMap<>();
		int count = data.consumeInt(0, 6);
		for (int i = 0; i < count; i++) {
			String name = switch (data.consumeInt(0, 4)) {
				case 0 -> AmqpHeaders.TYPE;
				case 1 -> AmqpHeaders.ROUTE;
				case 2 -> AmqpHeaders.META_PREFIX + data.consumeString(8);
				default -> data.consumeString(12);
			};
			headers.put(name, headerValue(data));
		}
		AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder().headers(headers)
			.correlationId(data.consumeBoolean() ? data.consumeString(40) : null)
			.replyTo(data.consumeBoolean() ? data.consumeString(40) : null)
			.appId(data.consumeBoolean() ? data.consumeString(40) : null)
			.build();
		byte[] body = data.consumeRemainingAsBytes();
		AmqpMessageMapping.Inbound inbound;
		try {
			inbound = AmqpMessageMapping.read(properties, body);
		}
		catch (ProtocolException ex) {
			return;
		}
		assertThat(inbound.frame().payload()).isEqualTo(body);
		assertThat(inbound.callerKey()).isNotNull();
		if (inbound.frame().metadata().type() == MessageType.REQUEST) {
			assertThat(inbound.replyTo()).isNotEmpty();
			assertThat(inbound.frame().metadata().id()).isNotEmpty();
		}
		// metadata carries text and whole numbers (a stream's credit), nothing else
		assertThat(inbound.frame().metadata().extra().values())
			.allSatisfy((value) -> assertThat(value).isInstanceOfAny(String.class, Integer.class, Long.class));
	}

	private static Object headerValue(FuzzedDataProvider data) {
		return switch (data.consumeInt(0, 7)) {
			case 0 -> data.consumeInt();
			case 1 -> data.consumeLong();
			case 2 -> (short) data.consumeShort();
			case 3 -> data.consumeByte();
			case 4 -> LongStringHelper.asLongString(data.consumeString(20));
			case 5 -> data.consumeBoolean();
			case 6 -> null;
			default -> data.consumeString(20);
		};
	}

}
