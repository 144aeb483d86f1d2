package dev.comm.test;

import org.junit.jupiter.api.Test;

import dev.comm.address.CommAddress;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which connector addresses reach which listener addresses of the same application.
 */
class ListenerReachTests {

	@Test
	void aWildcardListenerIsReachedOnLoopbackAtItsPort() {
		assertThat(reaches("tcp://0.0.0.0:7000", "tcp://localhost:7000")).isTrue();
		assertThat(reaches("tcp://[::]:7000", "tcp://127.0.0.1:7000")).isTrue();
		assertThat(reaches("tcp://0.0.0.0:7000", "tcp://localhost:7001")).isFalse();
		assertThat(reaches("tcp://0.0.0.0:7000", "tcp://billing:7000")).isFalse();
	}

	@Test
	void aListenerOnAHostIsReachedAtThatHostAndLoopbackAtLoopback() {
		assertThat(reaches("tcp://orders.internal:7000", "tcp://orders.internal:7000")).isTrue();
		assertThat(reaches("tcp://127.0.0.1:7000", "tcp://localhost:7000")).isTrue();
		assertThat(reaches("tcp://orders.internal:7000", "tcp://localhost:7000")).isFalse();
	}

	@Test
	void schemesMustAgreeExceptUnixAndLocal() {
		assertThat(reaches("tls://0.0.0.0:7443", "tcp://localhost:7443")).isFalse();
		assertThat(reaches("unix:///tmp/communica/orders.sock", "local://orders"))
			.isEqualTo(CommAddress.parse("local://orders").path().equals("/tmp/communica/orders.sock"));
		assertThat(reaches("unix:///run/a.sock", "unix:///run/a.sock")).isTrue();
		assertThat(reaches("unix:///run/a.sock", "unix:///run/b.sock")).isFalse();
	}

	@Test
	void aPortZeroListenerIsReachedByNoAddress() {
		assertThat(reaches("tcp://127.0.0.1:0", "tcp://127.0.0.1:0")).isFalse();
	}

	@Test
	void aMountedWebSocketListenerIsReachedAtItsPathOnAnyLocalPort() {
		assertThat(reaches("ws:/comm", "ws://localhost:8080/comm")).isTrue();
		assertThat(reaches("ws:/comm", "ws://localhost:9999/comm")).isTrue();
		assertThat(reaches("ws:/comm", "ws://localhost:8080/other")).isFalse();
		assertThat(reaches("ws:/comm", "ws://orders.example.com/comm")).isFalse();
	}

	@Test
	void anAmqpListenerIsReachedForItsServiceOnItsVirtualHost() {
		assertThat(reaches("amqp://broker/?service=orders", "amqp://other/?service=orders")).isTrue();
		assertThat(reaches("amqp://broker/?service=orders", "amqp://broker/?service=billing")).isFalse();
		assertThat(reaches("amqp://broker/a?service=orders", "amqp://broker/b?service=orders")).isFalse();
	}

	private static boolean reaches(String listener, String connector) {
		return ListenerReach.reaches(CommAddress.parse(listener), CommAddress.parse(connector));
	}

}
