package dev.comm.transport;

import java.net.UnixDomainSocketAddress;
import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

import dev.comm.address.CommAddress;

/**
 * The transport contract over unix domain sockets, with socket files in a directory of
 * the test's own.
 */
class UnixSocketTransportIntegrationTests extends AbstractTransportContractTests {

	@TempDir
	Path directory;

	private int sockets;

	@Override
	protected String newListenUri() {
		this.sockets++;
		return "unix://" + this.directory.resolve("listener-" + this.sockets + ".sock");
	}

	@Override
	protected String unusedUri() {
		return "unix://" + this.directory.resolve("nobody.sock");
	}

	@Override
	protected RawPeer openRawPeer(CommAddress address) throws Exception {
		return new StreamRawPeer(UnixDomainSocketAddress.of(address.path()));
	}

}
