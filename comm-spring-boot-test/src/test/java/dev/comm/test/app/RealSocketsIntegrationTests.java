package dev.comm.test.app;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.env.Environment;

import dev.comm.test.AutoConfigureComm;
import dev.comm.test.CommTestClient;
import dev.comm.test.app.OrderHandlers.Price;
import dev.comm.test.app.OrderHandlers.Quote;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @AutoConfigureComm(inproc = false)} keeps the configured addresses, even against
 * {@code comm.test.inproc=true}: a listener on port 0 binds a real port, published as
 * {@code local.comm.listeners.<name>.port} and {@code .uri}, and the
 * {@link CommTestClient} still reaches the handlers.
 */
@SpringBootTest(classes = OrdersApplication.class, webEnvironment = WebEnvironment.NONE,
		properties = { "comm.test.inproc=true", "comm.listeners.main.uri=tcp://127.0.0.1:0",
				"comm.connectors.self.uri=tcp://127.0.0.1:47112" })
@AutoConfigureComm(inproc = false)
class RealSocketsIntegrationTests {

	@Value("${local.comm.listeners.main.port}")
	int port;

	@Autowired
	Environment environment;

	@Autowired
	CommTestClient comm;

	@Test
	void aListenerOnPortZeroPublishesTheBoundPortAndAcceptsConnections() throws IOException {
		assertThat(this.port).isPositive();
		assertThat(this.environment.getProperty("local.comm.listeners.main.uri"))
			.isEqualTo("tcp://127.0.0.1:" + this.port);
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 5000);
			assertThat(socket.isConnected()).isTrue();
		}
	}

	@Test
	void theTestClientReachesTheHandlersBesideRealListeners() {
		assertThat(this.comm.request("orders.quote", new Quote("tea", 3), Price.class)).isEqualTo(new Price("tea", 9));
	}

}
