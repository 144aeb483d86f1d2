package dev.comm.test.app;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;

import dev.comm.CommErrorKind;
import dev.comm.CommNoRouteException;
import dev.comm.CommRemoteException;
import dev.comm.client.CommClient;
import dev.comm.client.ReplyType;
import dev.comm.endpoint.CommConnector;
import dev.comm.test.AutoConfigureComm;
import dev.comm.test.CommTestClient;
import dev.comm.test.app.OrderHandlers.Price;
import dev.comm.test.app.OrderHandlers.Quote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * An application whose endpoints, as configured, would bind tcp and tls ports and a unix
 * socket, mount a ws listener on a web server it does not run and reach a broker that is
 * not there: with {@link AutoConfigureComm} it starts without any of that, its connectors
 * to its own listeners meet them in-process, and its routes answer the
 * {@link CommTestClient}.
 */
@SpringBootTest(classes = OrdersApplication.class, webEnvironment = WebEnvironment.NONE)
@TestPropertySource(locations = "classpath:dev/comm/test/app/orders.properties")
@AutoConfigureComm
class InprocModeTests {

	@Autowired
	CommTestClient comm;

	@Autowired
	CommClient appClient;

	@Autowired
	Orders orders;

	@Autowired
	OrderHandlers handlers;

	@Autowired
	Environment environment;

	@Autowired
	ApplicationContext context;

	@Test
	void everyListenerIsInprocAndNoSocketIsBound() {
		for (String listener : List.of("main", "secure", "local", "web", "bus")) {
			assertThat(this.environment.getProperty("local.comm.listeners." + listener + ".uri")).as(listener)
				.startsWith("inproc://");
			assertThat(this.environment.containsProperty("local.comm.listeners." + listener + ".port")).isFalse();
		}
		assertThat(refused(47110)).as("tcp port of listener main is free").isTrue();
		assertThat(refused(47111)).as("tls port of listener secure is free").isTrue();
		assertThat(Path.of("/nonexistent-comm-test-dir/orders.sock")).doesNotExist();
	}

	@Test
	void theTestClientCallsTheApplicationsRoutesWithTypedReplies() {
		assertThat(this.comm.request("orders.quote", new Quote("tea", 2), Price.class)).isEqualTo(new Price("tea", 6));
		assertThat(this.comm.request("orders.items", null, new ReplyType<List<String>>() {
		})).containsExactly("tea", "coffee");
		assertThat(this.comm.requestAsync("orders.quote", new Quote("coffee", 1), Price.class).join())
			.isEqualTo(new Price("coffee", 3));
	}

	@Test
	void handlerFaultsArriveAsTypedErrors() {
		assertThat(this.comm.failureOf("orders.quote", new Quote("cake", 1)))
			.isInstanceOfSatisfying(CommRemoteException.class, (ex) -> {
				assertThat(ex.getKind()).isEqualTo(CommErrorKind.REQUESTER_FAULT);
				assertThat(ex.getCode()).isEqualTo(404);
				assertThat(ex.getRemoteMessage()).isEqualTo("No item 'cake'");
			});
		assertThat(this.comm.failureOf("orders.broken", null)).isInstanceOfSatisfying(CommRemoteException.class,
				(ex) -> assertThat(ex.getKind()).isEqualTo(CommErrorKind.HANDLER_FAILED));
		assertThat(this.comm.failureOf("orders.unknown", null)).isInstanceOf(CommNoRouteException.class);
		assertThatExceptionOfType(CommRemoteException.class)
			.isThrownBy(() -> this.comm.request("orders.quote", new Quote("cake", 1), Price.class))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(404));
	}

	@Test
	void failureOfASuccessfulRequestIsAnAssertionErrorWithTheReply() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> this.comm.failureOf("orders.quote", new Quote("tea", 1)))
			.withMessageContaining("orders.quote")
			.withMessageContaining("tea");
	}

	@Test
	void handlersSeeTheClientIdTheTestCallsAs() {
		assertThat(this.comm.request("orders.caller", null, String.class)).isEqualTo(CommTestClient.DEFAULT_CLIENT_ID);
		CommTestClient worker = this.comm.as("worker-7");
		assertThat(worker.clientId()).isEqualTo("worker-7");
		assertThat(worker.request("orders.caller", null, String.class)).isEqualTo("worker-7");
		assertThat(worker.withTimeout(Duration.ofSeconds(5)).request("orders.caller", null, String.class))
			.isEqualTo("worker-7");
	}

	@Test
	void aHandlerThatCallsTheTestClientBackReachesTheApplicationsHandlers() {
		assertThat(this.comm.request("orders.count-callers-items", null, Integer.class)).isEqualTo(2);
	}

	@Test
	void aThrowReachesItsHandler() throws InterruptedException {
		this.comm.send("audit", "paid");
		assertThat(this.handlers.audits.poll(30, TimeUnit.SECONDS)).isEqualTo("paid");
	}

	@Test
	void connectorsToTheApplicationsOwnListenersMeetThemInproc() {
		for (String connector : List.of("self", "self-unix", "self-ws", "self-amqp")) {
			assertThat(this.appClient.to(connector).request("orders.quote", new Quote("tea", 1), Price.class))
				.as(connector)
				.isEqualTo(new Price("tea", 3));
		}
	}

	@Test
	void theApplicationsInterfaceClientReachesItsHandlers() {
		assertThat(this.orders.quote(new Quote("coffee", 4))).isEqualTo(new Price("coffee", 12));
		assertThat(this.orders.items()).containsExactly("tea", "coffee");
	}

	@Test
	void aConnectorToAnAddressOutsideTheApplicationFailsAtOnceNamingIt() {
		// a timeout far longer than any test: a call that waited would end in a
		// CommTimeoutException, not in this error
		assertThatExceptionOfType(CommRemoteException.class)
			.isThrownBy(() -> this.appClient.to("billing")
				.withTimeout(Duration.ofMinutes(5))
				.request("billing.charge", 10, String.class))
			.satisfies((ex) -> {
				assertThat(ex.getKind()).isEqualTo(CommErrorKind.RESPONDER_FAULT);
				assertThat(ex.getCode()).isEqualTo(503);
				assertThat(ex.getRemoteMessage()).contains("Connector 'billing'")
					.contains("tcp://billing.example:7070")
					.contains("comm.test.inproc");
			});
	}

	@Test
	void aThrowToAnAddressOutsideTheApplicationIsAcceptedAndTheApplicationKeepsAnswering() {
		this.appClient.to("billing").send("billing.audit", "paid");
		assertThat(this.appClient.to("self").request("orders.quote", new Quote("tea", 1), Price.class))
			.isEqualTo(new Price("tea", 3));
	}

	@Test
	void eachUriOfAConnectorIsMovedOnItsOwn() {
		CommConnector own = this.context.getBean("mixedCommConnector1", CommConnector.class);
		CommConnector outside = this.context.getBean("mixedCommConnector2", CommConnector.class);
		assertThat(own.address().format()).isEqualTo(this.environment.getProperty("local.comm.listeners.secure.uri"));
		assertThat(outside.address().scheme()).isEqualTo("inproc");
		assertThat(outside.address().host()).contains("unserved").contains("mixed#2");
	}

	private static boolean refused(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
			return false;
		}
		catch (ConnectException ex) {
			return true;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
