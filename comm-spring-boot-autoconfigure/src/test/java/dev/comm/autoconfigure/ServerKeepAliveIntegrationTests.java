package dev.comm.autoconfigure;

import java.net.ServerSocket;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What keeps a JVM alive: one non-daemon thread per running listener, none for
 * connectors, none left behind by a startup that failed.
 */
class ServerKeepAliveIntegrationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, CommAutoConfiguration.class));

	@Test
	void eachRunningListenerHoldsANonDaemonThreadUntilItStops() {
		this.runner
			.withPropertyValues("comm.listeners.main.uri=tcp://127.0.0.1:0", "comm.listeners.other.uri=inproc://other")
			.run((context) -> {
				assertThat(keepAliveThreads()).containsExactlyInAnyOrder("comm-listener-main", "comm-listener-other");
				context.getBean(CommLifecycle.class).stop();
				assertThat(keepAliveThreads()).isEmpty();
			});
		assertThat(keepAliveThreads()).isEmpty();
	}

	@Test
	void closingTheContextEndsTheKeepAlive() {
		this.runner.withPropertyValues("comm.listeners.main.uri=tcp://127.0.0.1:0")
			.run((context) -> assertThat(keepAliveThreads()).containsExactly("comm-listener-main"));
		assertThat(keepAliveThreads()).isEmpty();
	}

	@Test
	void aProcessWithOnlyConnectorsIsNotKeptAlive() {
		this.runner.withPropertyValues("comm.connectors.billing.uri=tcp://127.0.0.1:1")
			.run((context) -> assertThat(keepAliveThreads()).isEmpty());
	}

	@Test
	void aListenerThatStartedDoesNotKeepAFailedStartupAlive() throws Exception {
		try (ServerSocket taken = new ServerSocket(0)) {
			this.runner
				.withPropertyValues("comm.listeners.first.uri=tcp://127.0.0.1:0",
						"comm.listeners.second.uri=tcp://127.0.0.1:" + taken.getLocalPort())
				.run((context) -> assertThat(context).hasFailed());
		}
		assertThat(keepAliveThreads()).isEmpty();
	}

	private static List<String> keepAliveThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.isAlive() && !thread.isDaemon())
			.map(Thread::getName)
			.filter((name) -> name.startsWith("comm-listener-"))
			.toList();
	}

}
