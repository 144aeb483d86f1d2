package dev.comm.internal.session;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.comm.protocol.Features;
import dev.comm.protocol.Frame;
import dev.comm.protocol.Hello;
import dev.comm.transport.Connection;
import dev.comm.transport.FrameReceiver;
import dev.comm.transport.PeerIdentity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LinkHandshakeOrderTests {

	private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);

	@AfterEach
	void stopScheduler() {
		this.scheduler.shutdownNow();
	}

	@Test
	void clientHandsItsHelloToTheTransportBeforeReadingStarts() {
		ScriptedConnection connection = new ScriptedConnection(null);
		new Link(connection, Link.Role.CLIENT, settings()).open();
		assertThat(connection.events).containsExactly("send Hello", "start");
	}

	@Test
	void serverHandsItsHelloToTheTransportBeforeReadingStarts() {
		ScriptedConnection connection = new ScriptedConnection(null);
		new Link(connection, Link.Role.SERVER, settings()).open();
		assertThat(connection.events).containsExactly("send Hello", "start");
	}

	@Test
	void peerHelloReadWhileOpeningLeavesNoTimerRunningAfterClose() {
		Hello commServer = new Hello(
				Map.of("hello", "hello", "comm", Map.of("version", 1, "features", List.of(Features.HEARTBEAT))));
		// a transport with the peer's hello already buffered hands it over as reading
		// starts, before open() returns
		ScriptedConnection connection = new ScriptedConnection(commServer);
		Link link = new Link(connection, Link.Role.CLIENT, settings());
		assertThat(link.open()).isCompleted();
		connection.close();
		assertThat(this.scheduler.getQueue()).as("timers left after the link closed").isEmpty();
	}

	@Test
	void connectionThatKnowsItsPeerOpensTheLinkWithoutWaitingForAHelloOrSettingATimer() {
		ScriptedConnection connection = new ScriptedConnection(null);
		connection.known = new PeerIdentity("caller-7", Features.BROKERED);
		Link link = new Link(connection, Link.Role.SERVER, settings());
		assertThat(link.open()).isCompleted();
		assertThat(link.peerClientId()).isEqualTo("caller-7");
		assertThat(link.agreedFeatures()).containsExactly(Features.ERROR_TYPE);
		assertThat(this.scheduler.getQueue()).as("no handshake timer").isEmpty();
		assertThat(connection.events).containsExactly("send Hello", "start");
	}

	@Test
	void sessionHalfThatDoesNotFitTheRoleIsRefusedWhenTheLinkIsMade() {
		ClientSession session = new ClientSession(this.scheduler, "scripted");
		assertThatIllegalArgumentException().isThrownBy(() -> new Link(new ScriptedConnection(null), Link.Role.SERVER,
				settings(), SessionPolicy.client(session)));
	}

	private LinkSettings settings() {
		this.scheduler.setRemoveOnCancelPolicy(true);
		return new LinkSettings("client-1", (message) -> CompletableFuture.completedFuture(Outcome.success(null)),
				Runnable::run, this.scheduler, Duration.ofSeconds(5), Duration.ofSeconds(10), Features.ALL);
	}

	/**
	 * Records what the link asks of it and, when reading starts, delivers a prepared
	 * frame at once.
	 */
	private static final class ScriptedConnection implements Connection {

		final List<String> events = new CopyOnWriteArrayList<>();

		private final Frame onStart;

		private FrameReceiver receiver;

		private boolean open = true;

		PeerIdentity known;

		ScriptedConnection(Frame onStart) {
			this.onStart = onStart;
		}

		@Override
		public void start(FrameReceiver receiver) {
			this.events.add("start");
			this.receiver = receiver;
			if (this.onStart != null) {
				receiver.frame(this.onStart);
			}
		}

		@Override
		public CompletableFuture<Void> send(Frame frame) {
			this.events.add("send " + frame.getClass().getSimpleName());
			return CompletableFuture.completedFuture(null);
		}

		@Override
		public void close() {
			if (this.open) {
				this.open = false;
				this.receiver.closed(null);
			}
		}

		@Override
		public boolean isOpen() {
			return this.open;
		}

		@Override
		public String remoteAddress() {
			return "scripted";
		}

		@Override
		public Optional<PeerIdentity> knownPeer() {
			return Optional.ofNullable(this.known);
		}

		@Override
		public int maxFrameSize() {
			return 1024 * 1024;
		}

	}

}
