package dev.comm.transport;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.Principal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.comm.CommConnectionLostException;
import dev.comm.CommException;
import dev.comm.CommTimeoutException;
import dev.comm.address.CommAddress;
import dev.comm.client.CommClient;
import dev.comm.client.CommPeer;
import dev.comm.handler.CommHandler;
import dev.comm.internal.server.DefaultCommListener;
import dev.comm.internal.transport.tcp.TcpTransport;
import dev.comm.protocol.Hello;
import dev.comm.testing.CommTestNode;
import dev.comm.testing.TestTls;
import dev.comm.transport.TlsSettings.ClientAuth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What {@code tls://} adds to the contract: whom a client trusts, that the certificate
 * must name the host that was dialled, client certificates, and a plain TCP peer on
 * either side. The test certificates are described in {@link TestTls}.
 */
class TlsSecurityIntegrationTests {

	private static final Duration AWAIT = Duration.ofSeconds(10);

	private static final Duration SHORT = Duration.ofSeconds(2);

	private final List<AutoCloseable> resources = new ArrayList<>();

	private final Echo echo = new Echo();

	@AfterEach
	void closeEverything() throws Exception {
		for (int i = this.resources.size() - 1; i >= 0; i--) {
			this.resources.get(i).close();
		}
	}

	@Test
	void clientRefusesAServerCertificateItsAuthorityDidNotIssueAndSaysWhy() {
		DefaultCommListener listener = listen(TestTls.settings("untrusted.p12", "trust.p12", ClientAuth.NONE));
		Throwable failure = connectFails(listener.address(), TestTls.client());
		assertThat(failure).hasMessageContaining("TLS handshake failed");
		assertThat(failure.getCause()).isInstanceOf(SSLHandshakeException.class);
	}

	@Test
	void clientRefusesATrustedCertificateThatNamesAnotherHost() {
		DefaultCommListener listener = listen(TestTls.settings("other-host.p12", "trust.p12", ClientAuth.NONE));
		Throwable failure = connectFails(listener.address(), TestTls.client());
		assertThat(failure).hasMessageContaining("TLS handshake failed").hasMessageContaining("127.0.0.1");
	}

	@Test
	void clientWithoutSettingsTrustsOnlyWhatTheJvmTrusts() {
		DefaultCommListener listener = listen(TestTls.server());
		Throwable failure = connectFails(listener.address(), null);
		assertThat(failure).hasMessageContaining("TLS handshake failed");
	}

	@Test
	void requestsWaitingForAnUntrustedServerTimeOutNamingTheHandshakeFailure() {
		DefaultCommListener listener = listen(TestTls.settings("untrusted.p12", "trust.p12", ClientAuth.NONE));
		CommClient comm = node(TestTls.client()).connect(listener.address().toString(), SHORT);
		CommTimeoutException timeout = catchThrowableOfType(CommTimeoutException.class,
				() -> comm.request("echo", "hi", String.class));
		assertThat(timeout).hasMessageContaining("the last attempt failed")
			.hasMessageContaining("TLS handshake failed");
		assertThat(this.echo.received).isEmpty();
	}

	@Test
	void listenerThatNeedsClientCertificatesServesOnlyClientsThatPresentATrustedOne() {
		DefaultCommListener listener = listen(TestTls.settings("server.p12", "trust.p12", ClientAuth.NEED));
		String uri = listener.address().toString();
		CommClient anonymous = node(TestTls.client()).connect(uri, SHORT);
		assertThatExceptionOfType(CommException.class).isThrownBy(() -> anonymous.request("echo", "who", String.class));
		CommClient stranger = node(TestTls.settings("untrusted.p12", "trust.p12", ClientAuth.NONE)).connect(uri, SHORT);
		assertThatExceptionOfType(CommException.class).isThrownBy(() -> stranger.request("echo", "who", String.class));
		assertThat(this.echo.received).isEmpty();
		CommClient known = node(TestTls.settings("client.p12", "trust.p12", ClientAuth.NONE)).connect(uri, AWAIT);
		assertThat(known.request("echo", "me", String.class)).isEqualTo("me");
		// the handler sees who the certificate says the caller is
		assertThat(known.request("whoami", null, String.class)).isEqualTo("CN=comm test client");
	}

	@Test
	void listenerThatWantsClientCertificatesAlsoServesClientsWithout() {
		DefaultCommListener listener = listen(TestTls.settings("server.p12", "trust.p12", ClientAuth.WANT));
		CommClient anonymous = node(TestTls.client()).connect(listener.address().toString(), AWAIT);
		assertThat(anonymous.request("echo", "anyone", String.class)).isEqualTo("anyone");
		assertThat(anonymous.request("whoami", null, String.class)).isEqualTo("no certificate");
		CommClient known = node(TestTls.settings("client.p12", "trust.p12", ClientAuth.NONE))
			.connect(listener.address().toString(), AWAIT);
		assertThat(known.request("whoami", null, String.class)).isEqualTo("CN=comm test client");
	}

	@Test
	void plainTcpPeerOnATlsListenerIsClosedAndOthersAreServed() throws Exception {
		DefaultCommListener listener = listen(TestTls.server());
		CommClient comm = node(TestTls.client()).connect(listener.address().toString(), AWAIT);
		assertThat(comm.request("echo", "before", String.class)).isEqualTo("before");
		CommAddress address = listener.address();
		try (StreamRawPeer plain = new StreamRawPeer(new InetSocketAddress(address.host(), address.port()))) {
			plain.send(new Hello(Map.of("client_id", "plain")));
			assertThat(plain.awaitClosed(AWAIT)).isTrue();
		}
		assertThat(comm.request("echo", "after", String.class)).isEqualTo("after");
	}

	@Test
	void peerThatNeverStartsTheTlsHandshakeIsClosedAfterTheHandshakeTimeout() throws Exception {
		CommTestNode server = CommTestNode.builder()
			.handlers(this.echo)
			.tls(TestTls.server())
			.handshakeTimeout(Duration.ofMillis(300))
			.build();
		this.resources.add(server);
		CommAddress address = server.listen("tls://127.0.0.1:0").address();
		try (Socket silent = new Socket(address.host(), address.port())) {
			silent.setSoTimeout((int) AWAIT.toMillis());
			// nothing sent: the listener must not wait for a
			// ClientHello forever; it closes, at most with a TLS
			// alert first (reading past the timeout would throw)
			assertThat(silent.getInputStream().readAllBytes()).hasSizeLessThan(64);
		}
	}

	@Test
	void tlsClientOnAPlainTcpListenerFailsToConnectInsteadOfHanging() {
		CommTestNode server = node(null);
		DefaultCommListener plain = server.listen("tcp://127.0.0.1:0");
		CommAddress address = new CommAddress("tls", plain.address().host(), plain.address().port(), null);
		assertThat(connectFails(address, TestTls.client())).hasMessageContaining("TLS handshake failed");
	}

	@Test
	void peersOverPlainTcpHaveNoPrincipal() {
		DefaultCommListener plain = node(null).listen("tcp://127.0.0.1:0");
		CommClient comm = node(null).connect(plain.address().toString(), AWAIT);
		assertThat(comm.request("whoami", null, String.class)).isEqualTo("no certificate");
	}

	@Test
	void tlsClientGivesUpOnAServerThatNeverAnswersTheHandshake() throws Exception {
		try (ServerSocket mute = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			// accepted by the kernel's backlog, never
			// read: the ClientHello gets no answer
			CommAddress address = new CommAddress("tls", "127.0.0.1", mute.getLocalPort(), null);
			assertThat(connectFails(address, TestTls.client())).hasMessageContaining("TLS handshake failed");
		}
	}

	@Test
	void listenerWithoutACertificateDoesNotStart() {
		CommTestNode server = node(null);
		assertThatExceptionOfType(CommException.class).isThrownBy(() -> server.listen("tls://127.0.0.1:0"))
			.withMessageContaining("needs TLS settings with the key and certificate it presents");
	}

	@Test
	void listenerEnablesOnlyTheProtocolsItsSettingsName() throws Exception {
		TlsSettings onlyTls12 = new TlsSettings(TestTls.server().context(), List.of("TLSv1.2"), List.of(),
				ClientAuth.NONE);
		CommAddress address = listen(onlyTls12).address();
		// the client offers TLS 1.3 and 1.2, and would pick 1.3 given the choice
		try (SSLSocket socket = (SSLSocket) TestTls.client()
			.context()
			.getSocketFactory()
			.createSocket(address.host(), address.port())) {
			socket.startHandshake();
			assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.2");
		}
		try (SSLSocket socket = (SSLSocket) TestTls.client()
			.context()
			.getSocketFactory()
			.createSocket(address.host(), address.port())) {
			socket.setEnabledProtocols(new String[] { "TLSv1.3" });
			assertThatExceptionOfType(SSLException.class).isThrownBy(socket::startHandshake);
		}
	}

	@Test
	void boundAddressKeepsTheTlsScheme() {
		DefaultCommListener listener = listen(TestTls.server());
		assertThat(listener.address().scheme()).isEqualTo("tls");
		assertThat(listener.address().port()).isPositive();
	}

	private DefaultCommListener listen(TlsSettings tls) {
		return node(tls).listen("tls://127.0.0.1:0");
	}

	private CommTestNode node(TlsSettings tls) {
		CommTestNode node = CommTestNode.builder().handlers(this.echo).tls(tls).build();
		this.resources.add(node);
		return node;
	}

	/**
	 * Connect with the bare transport, so that the failure is the connect's own, and
	 * return it.
	 */
	private Throwable connectFails(CommAddress address, TlsSettings tls) {
		TcpTransport transport = new TcpTransport();
		this.resources.add(transport);
		TransportSettings settings = new TransportSettings(64 * 1024, SHORT, tls);
		CompletionException failure = catchThrowableOfType(CompletionException.class,
				() -> transport.connect(address, settings).join());
		assertThat(failure).as("connecting to %s", address).isNotNull();
		assertThat(failure.getCause()).isInstanceOf(CommConnectionLostException.class);
		return failure.getCause();
	}

	static final class Echo {

		final List<String> received = new CopyOnWriteArrayList<>();

		@CommHandler("echo")
		String echo(String text) {
			this.received.add(text);
			return text;
		}

		@CommHandler("whoami")
		String whoami(CommPeer caller) {
			Principal principal = caller.principal();
			return (principal != null) ? principal.getName() : "no certificate";
		}

	}

}
