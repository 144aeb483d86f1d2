package dev.comm.autoconfigure.standalone;

import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.comm.autoconfigure.standalone.client.StandaloneClient;
import dev.comm.autoconfigure.standalone.server.StandaloneServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A comm-only server as its own process: it stays up with nothing but its listeners to
 * keep it, serves a client process over tcp and unix, and stops on SIGTERM gracefully,
 * with status 0, after the handler running at that moment has finished and replied.
 */
class StandaloneServerProcessIntegrationTests {

	private static final Duration STARTUP = Duration.ofSeconds(60);

	private static final Pattern TCP_LISTENER = Pattern.compile("Listener 'tcp' accepting on (tcp://\\S+)");

	@TempDir
	Path directory;

	@Test
	void serverStaysUpServesTcpAndUnixAndStopsGracefullyOnSigterm() throws Exception {
		String socket = "unix://" + this.directory.resolve("server.sock");
		try (LaunchedJvm server = LaunchedJvm.start(StandaloneServer.class, "--spring.main.web-application-type=none",
				"--comm.listeners.tcp.uri=tcp://127.0.0.1:0", "--comm.listeners.unix.uri=" + socket)) {
			String tcp = server.awaitLine(TCP_LISTENER, STARTUP).group(1);
			server.awaitLine(Pattern.compile("Started StandaloneServer"), STARTUP);
			// the issue's own check: with main returned long ago, is anyone still there?
			Thread.sleep(10_000);
			assertThat(server.isAlive()).as(server.output()).isTrue();

			try (LaunchedJvm client = LaunchedJvm.start(StandaloneClient.class,
					"--spring.main.web-application-type=none", "--comm.connectors.tcp.uri=" + tcp,
					"--comm.connectors.unix.uri=" + socket)) {
				client.awaitLine(Pattern.compile("calling slow"), STARTUP);
				server.awaitLine(Pattern.compile("slow handler started"), STARTUP);
				server.terminate();

				assertThat(server.awaitExit(Duration.ofSeconds(30))).as(server.output()).isZero();
				assertThat(server.output()).contains("slow handler finished");
				// a connectors-only process ends by itself once its work is done
				assertThat(client.awaitExit(Duration.ofSeconds(30))).as(client.output()).isZero();
				assertThat(client.output()).contains("tcp echo: over tcp", "unix echo: over unix",
						"slow reply: slow work");
			}
		}
	}

}
