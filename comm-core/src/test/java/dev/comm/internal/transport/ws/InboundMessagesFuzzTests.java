package dev.comm.internal.transport.ws;

import java.nio.ByteBuffer;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketMessage;

import dev.comm.protocol.ProtocolException;

/**
 * Any sequence of WebSocket text and binary messages and message parts either gives
 * frames or fails with a {@link ProtocolException}, which closes the connection.
 */
class InboundMessagesFuzzTests {

	@FuzzTest(maxDuration = "10s")
	void anyMessagesGiveFramesOrAProtocolError(FuzzedDataProvider data) {
		InboundMessages messages = new InboundMessages(4096);
		while (data.remainingBytes() > 0) {
			boolean text = data.consumeBoolean();
			boolean last = data.consumeBoolean();
			int size = data.consumeInt(0, 1024);
			// a text message arrives decoded: the container has checked its UTF-8
			WebSocketMessage<?> message = text ? new TextMessage(data.consumeString(size), last)
					: new BinaryMessage(ByteBuffer.wrap(data.consumeBytes(size)), last);
			try {
				messages.accept(message);
			}
			catch (ProtocolException ex) {
				return;
			}
		}
	}

}
