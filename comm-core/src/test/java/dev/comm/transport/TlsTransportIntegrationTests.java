package dev.comm.transport;

import javax.net.ssl.SSLSocket;

import dev.comm.address.CommAddress;
import dev.comm.testing.CommTestNode;
import dev.comm.testing.TestTls;

/**
 * The transport contract over TLS on the loopback interface: every node presents the test
 * server certificate and trusts the test CA. What is particular to TLS (certificates,
 * hostnames, client certificates) is in {@link TlsSecurityIntegrationTests}.
 */
class TlsTransportIntegrationTests extends TcpTransportIntegrationTests {

	@Override
	protected String scheme() {
		return "tls";
	}

	@Override
	protected CommTestNode.Builder nodeBuilder() {
		return CommTestNode.builder().tls(TestTls.server());
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
