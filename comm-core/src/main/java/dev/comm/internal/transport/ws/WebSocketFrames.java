package dev.comm.internal.transport.ws;

import java.nio.charset.StandardCharsets;

import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketMessage;

import dev.comm.protocol.Frame;
import dev.comm.protocol.FrameCodec;
import dev.comm.protocol.Hello;
import dev.comm.protocol.Refusal;

/**
 * How frames travel in WebSocket messages (docs/PROTOCOL.md, "WebSocket mapping"): the
 * hello, and a refusal after it, are text messages holding only their JSON; every other
 * frame is one binary message holding exactly the frame body, code byte first. WebSocket
 * already delimits messages, so the stream's NUL terminator, 0x04 marker and length
 * prefix have no place here.
 */
final class WebSocketFrames {

	private WebSocketFrames() {
	}

	static WebSocketMessage<?> encode(Frame frame) {
		if (frame instanceof Hello hello) {
			return new TextMessage(new String(FrameCodec.encodeHelloJson(hello), StandardCharsets.UTF_8));
		}
		if (frame instanceof Refusal refusal) {
			return new TextMessage(new String(FrameCodec.encodeRefusalJson(refusal), StandardCharsets.UTF_8));
		}
		return new BinaryMessage(FrameCodec.encodeBody(frame, 0));
	}

}
