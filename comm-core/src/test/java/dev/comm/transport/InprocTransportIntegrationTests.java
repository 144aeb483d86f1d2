package dev.comm.transport;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.comm.address.CommAddress;
import dev.comm.internal.transport.inproc.InprocTransport;
import dev.comm.protocol.Frame;
import dev.comm.protocol.FrameCodec;
import dev.comm.protocol.Hello;
import dev.comm.protocol.MessageFrame;
import dev.comm.protocol.MessageType;
import dev.comm.protocol.Metadata;
import dev.comm.protocol.Refusal;

/**
 * The transport contract in process. Names are JVM-wide, so every listener gets a name no
 * other test uses.
 */
class InprocTransportIntegrationTests extends AbstractTransportContractTests {

	private static final AtomicInteger names = new AtomicInteger();

	@Override
	protected String newListenUri() {
		return "inproc://contract-" + names.incrementAndGet();
	}

	@Override
	protected String unusedUri() {
		return "inproc://nobody-" + names.incrementAndGet();
	}

	/**
	 * Frames are handed over, not read: a receiver's throws are bounded only by its
	 * handler executor, as the README says.
	 */
	@Override
	public boolean boundsUnhandledThrows() {
		return false;
	}

	@Override
	protected RawPeer openRawPeer(CommAddress address) {
		return new InprocRawPeer(address);
	}

	/**
	 * A {@link RawPeer} on a bare in-process connection: it hands frame objects straight
	 * to the listener, including ones no codec would produce.
	 */
	static final class InprocRawPeer extends RawPeer {

		private final InprocTransport transport = new InprocTransport();

		private final Connection connection;

		InprocRawPeer(CommAddress address) {
			this.connection = this.transport.connect(address, TransportSettings.defaults()).join();
			this.connection.start(new FrameReceiver() {

				@Override
				public void frame(Frame frame) {
					received(frame);
				}

				@Override
				public void closed(Throwable cause) {
					closedByPeer();
				}

			});
		}

		@Override
		void send(Frame frame) throws Exception {
			this.connection.send(frame).get(5, TimeUnit.SECONDS);
		}

		@Override
		void sendGarbage(Garbage garbage, int maxFrameSize) throws Exception {
			switch (garbage) {
				case NOISE -> send(Hello.client("again", Set.of()));
				case UNKNOWN_FRAME -> send(new Refusal("changed my mind"));
				case MALFORMED_METADATA -> send(new MessageFrame(null, new byte[] { '1' }));
				case MISSING_ID -> send(new MessageFrame(new Metadata(null, MessageType.REQUEST, "length", Map.of()),
						new byte[] { '"', 'x', '"' }));
				case OVERSIZE_FRAME -> {
					// one byte over the limit as a whole frame body, as on a stream
					Metadata metadata = Metadata.of("big-1", MessageType.REQUEST, "length");
					int payload = maxFrameSize + 1 - FrameCodec.bodySize(metadata, 0);
					send(new MessageFrame(metadata, new byte[payload]));
				}
			}
		}

		@Override
		public void close() {
			this.connection.close();
			this.transport.close();
		}

	}

}
