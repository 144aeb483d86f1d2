package dev.comm.internal.transport.amqp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;

import dev.comm.protocol.MessageFrame;
import dev.comm.protocol.MessageType;
import dev.comm.protocol.Metadata;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The broker may hand a stream's frames over in another order than they were sent; the
 * caller still sees the items first, then the frame that ends the stream.
 */
class StreamOrderTests {

	private static final String STREAM = "s-1";

	private final StreamOrder responder = new StreamOrder();

	private final StreamOrder caller = new StreamOrder();

	private final List<MessageFrame> delivered = new ArrayList<>();

	@Test
	void aResponderCancelThatOvertakesItemsIsDeliveredAfterThem() {
		Message first = sent(frame(MessageType.ITEM));
		Message second = sent(frame(MessageType.ITEM));
		Message cancel = sent(frame(MessageType.CANCEL));
		receive(cancel);
		receive(second);
		assertThat(this.delivered).isEmpty();
		receive(first);
		assertThat(this.delivered).extracting((frame) -> frame.metadata().type())
			.containsExactly(MessageType.ITEM, MessageType.ITEM, MessageType.CANCEL);
		assertThat(this.delivered.get(0).payload()).isEqualTo(first.getBody());
	}

	@Test
	void anEndThatOvertakesItemsIsDeliveredAfterThem() {
		Message item = sent(frame(MessageType.ITEM));
		Message end = sent(frame(MessageType.END));
		receive(end);
		receive(item);
		assertThat(this.delivered).extracting((frame) -> frame.metadata().type())
			.containsExactly(MessageType.ITEM, MessageType.END);
	}

	@Test
	void aCancelBeforeAnyItemAndACallersCancelGoStraightThrough() {
		Message early = sent(frame(MessageType.CANCEL));
		assertThat(early.getMessageProperties().getHeaders()).doesNotContainKey(AmqpHeaders.SEQ);
		receive(early);
		MessageFrame callerCancel = frame(MessageType.CANCEL);
		Message fromCaller = this.caller.numbered(callerCancel,
				new Message(callerCancel.payload(), new MessageProperties()));
		assertThat(fromCaller.getMessageProperties().getHeaders()).doesNotContainKey(AmqpHeaders.SEQ);
		assertThat(this.delivered).hasSize(1);
	}

	private static MessageFrame frame(int type) {
		return new MessageFrame(new Metadata(STREAM, type, null, Map.of()), new byte[] { (byte) type });
	}

	private Message sent(MessageFrame frame) {
		return this.responder.numbered(frame, new Message(frame.payload(), new MessageProperties()));
	}

	private void receive(Message message) {
		MessageFrame frame = new MessageFrame(new Metadata(STREAM, message.getBody()[0], null, Map.of()),
				message.getBody());
		this.caller.received(frame, message.getMessageProperties().getHeaders().get(AmqpHeaders.SEQ),
				this.delivered::add);
	}

}
