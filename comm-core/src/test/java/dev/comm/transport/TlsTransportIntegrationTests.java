package dev.comm.transport;

import java.net.InetAddress;
import java.net.ServerSocket;

import javax.net.ssl.SSLSocket;

import dev.comm.address.CommAddress;
import dev.comm.testing.CommTestNode;
import dev.comm.testing.TestTls;

/**
 * The transport contract over TLS on the loopback interface: every node presents the test
 * server certificate and trusts the test CA. What is particular to TLS (certificates,
 * hostnames, client certificates) is in {@link TlsSecurityIntegrationTests}.
 */
class TlsTransportIntegrationTests extends AbstractTransportContractTests {

	@Override
	protected CommTestNode.Builder nodeBuilder() {
		return CommTestNode.builder().tls(TestTls.server());
	}

	@Override
	protected String newListenUri() {
		return "tls://127.0.0.1:0";
	}

	@Override
	protected String unusedUri() throws Exception {
		// a port that was free a moment ago; nothing in this test binds it again
		try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return "tls://127.0.0.1:" + probe.getLocalPort();
		}
	}

	@Override
	protected RawPeer openRawPeer(CommAddress address) throws Exception {
		SSLSocket socket = (SSLSocket) TestTls.client()
			.context()
			.getSocketFactory()
			.createSocket(address.host(), address.port());
		socket.startHandshake();
		return new StreamRawPeer(socket);
	}

}
