package dev.comm.transport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.comm.CommErrorKind;
import dev.comm.CommRemoteException;
import dev.comm.client.CommClient;
import dev.comm.internal.stream.StreamSettings;
import dev.comm.protocol.MessageFrame;
import dev.comm.protocol.MessageType;
import dev.comm.protocol.Metadata;
import dev.comm.testing.CommTestNode;
import dev.comm.transport.StreamContract.Probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A responder that breaks the stream rules, as a comm caller sees it over a transport
 * (PROTOCOL.md S.4 and S.7): a {@link RawResponder} that sends more items than it was
 * granted, and items and an end for a stream nobody called. Every transport's contract
 * test implements this interface; where a raw listener cannot stand in for a responder,
 * the tests are skipped.
 */
interface StreamResponderBadInputContract {

	Duration RESPONDER_AWAIT = Duration.ofSeconds(10);

	/**
	 * A new listen address for the transport under test.
	 * @return the URI
	 */
	String streamInputListenUri();

	/**
	 * A node builder with what the transport under test needs.
	 * @return the builder
	 */
	CommTestNode.Builder streamInputNodeBuilder();

	/**
	 * Whether a raw listener of the transport can stand in for a responder, a caller
	 * connecting to it.
	 * @return whether the contract applies
	 */
	default boolean rawRespondersListen() {
		return true;
	}

	@Test
	default void aResponderThatSendsMoreItemsThanItWasGrantedIsCancelledAndTheStreamFails() throws Exception {
		assumeTrue(rawRespondersListen(), "a raw listener of the transport cannot stand in for a responder");
		int window = 4;
		StreamSettings small = new StreamSettings(window, Duration.ofSeconds(5), Duration.ofMinutes(5), 8);
		try (CommTestNode rawSide = streamInputNodeBuilder().build();
				RawResponder responder = RawResponder.listen(rawSide, streamInputListenUri());
				CommTestNode client = streamInputNodeBuilder().clientId("input-overrun").streams(small).build()) {
			CommClient comm = client.connect(responder.address().format(), RESPONDER_AWAIT);
			// takes one item and grants nothing more: the caller's credit stays the
			// window
			Probe probe = new Probe(1);
			comm.requestStream("raw.items", null, Integer.class).subscribe(probe);
			MessageFrame request = responder.receive(RESPONDER_AWAIT);
			assertThat(request.metadata().type()).isEqualTo(MessageType.STREAM_REQUEST);
			assertThat(request.metadata().extra()).containsEntry("credit", window);
			String id = request.metadata().id();
			for (int i = 0; i <= window; i++) {
				responder.send(Metadata.of(id, MessageType.ITEM, null), json(String.valueOf(i)));
			}
			MessageFrame cancel = responder.receive(RESPONDER_AWAIT);
			assertThat(cancel.metadata().id()).isEqualTo(id);
			assertThat(cancel.metadata().type()).isEqualTo(MessageType.CANCEL);
			assertThat(probe.failure.poll(RESPONDER_AWAIT.toMillis(), TimeUnit.MILLISECONDS))
				.isInstanceOfSatisfying(CommRemoteException.class, (ex) -> {
					assertThat(ex.getKind()).isEqualTo(CommErrorKind.RESPONDER_FAULT);
					assertThat(ex.getRoute()).isEqualTo("raw.items");
					assertThat(ex.getRemoteMessage()).contains("more items than it was granted")
						.contains(responder.address().format());
				});
			assertThat(probe.items).containsExactly(0);
		}
	}

	@Test
	default void itemsAndAnEndForAStreamNobodyCalledAreDroppedAndTheLinkGoesOn() throws Exception {
		assumeTrue(rawRespondersListen(), "a raw listener of the transport cannot stand in for a responder");
		try (CommTestNode rawSide = streamInputNodeBuilder().build();
				RawResponder responder = RawResponder.listen(rawSide, streamInputListenUri());
				CommTestNode client = streamInputNodeBuilder().clientId("input-stray").build()) {
			CommClient comm = client.connect(responder.address().format(), RESPONDER_AWAIT);
			Probe probe = new Probe(Long.MAX_VALUE);
			comm.requestStream("raw.items", null, Integer.class).subscribe(probe);
			MessageFrame request = responder.receive(RESPONDER_AWAIT);
			String id = request.metadata().id();
			responder.send(Metadata.of("nobody", MessageType.ITEM, null), json("99"));
			responder.send(Metadata.of("nobody", MessageType.END, null), new byte[0]);
			responder.send(new Metadata("nobody", MessageType.END, null, Map.of("status", 51)),
					json("{\"error\":\"responder-fault\",\"code\":null,\"message\":\"stray\"}"));
			responder.send(Metadata.of(id, MessageType.ITEM, null), json("7"));
			responder.send(Metadata.of(id, MessageType.END, null), new byte[0]);
			assertThat(probe.items.poll(RESPONDER_AWAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(7);
			assertThat(probe.completed.await(RESPONDER_AWAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
			assertThat(probe.items).isEmpty();
			assertThat(probe.failure).isEmpty();
			// the same connection serves a plain request
			CompletableFuture<Integer> reply = comm.requestAsync("raw.plain", "x", Integer.class);
			MessageFrame plain = responder.receive(RESPONDER_AWAIT);
			assertThat(plain.metadata().type()).isEqualTo(MessageType.REQUEST);
			responder.send(plain.metadata().responseOf(MessageType.RESPONSE_OK), json("1"));
			assertThat(reply).succeedsWithin(RESPONDER_AWAIT).isEqualTo(1);
			assertThat(responder.connections()).isOne();
		}
	}

	private static byte[] json(String json) {
		return json.getBytes(StandardCharsets.UTF_8);
	}

}
