package dev.comm.transport;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

import dev.comm.address.CommAddress;

/**
 * The transport contract over TCP on the loopback interface.
 */
class TcpTransportIntegrationTests extends AbstractTransportContractTests {

	/**
	 * The scheme under test; a subclass runs the same contract over TLS.
	 * @return {@code tcp}
	 */
	protected String scheme() {
		return "tcp";
	}

	@Override
	protected String newListenUri() {
		return scheme() + "://127.0.0.1:0";
	}

	@Override
	protected String unusedUri() throws Exception {
		// a port that was free a moment ago; nothing in this test binds it again
		try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return scheme() + "://127.0.0.1:" + probe.getLocalPort();
		}
	}

	@Override
	protected RawPeer openRawPeer(CommAddress address) throws Exception {
		return new StreamRawPeer(new InetSocketAddress(address.host(), address.port()));
	}

}
