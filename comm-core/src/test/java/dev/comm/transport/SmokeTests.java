package dev.comm.transport;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.comm.client.CommClient;
import dev.comm.handler.CommHandler;
import dev.comm.testing.CommTestNode;

import static org.assertj.core.api.Assertions.assertThat;

class SmokeTests {

	@Test
	void requestRoundTripsOverTcp() {
		try (CommTestNode server = CommTestNode.builder().handlers(new Echo()).build();
				CommTestNode client = CommTestNode.builder().build()) {
			var listener = server.listen("tcp://127.0.0.1:0");
			CommClient comm = client.connect(listener.address().toString(), Duration.ofSeconds(5));
			assertThat(comm.request("echo", "hi", String.class)).isEqualTo("hi!");
		}
	}

	static class Echo {

		@CommHandler("echo")
		String echo(String text) {
			return text + "!";
		}

	}

}
