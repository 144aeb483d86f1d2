package dev.comm.internal.session;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import dev.comm.protocol.Frame;
import dev.comm.protocol.MessageFrame;
import dev.comm.protocol.MessageType;
import dev.comm.protocol.Metadata;
import dev.comm.transport.Connection;
import dev.comm.transport.FrameReceiver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a ledger sends again when the peer says how many of a dropped link's messages it
 * received: the rest, in order; and what it counts lost when it kept too few or the peer
 * cannot say.
 */
class SentLedgerTests {

	private final SentLedger ledger = new SentLedger();

	@Test
	void theMessagesPastThePeersCountAreSentAgainInOrder() {
		Wire first = new Wire();
		this.ledger.confirmed(first, false, 0);
		for (int i = 1; i <= 5; i++) {
			this.ledger.send(throwOf("t-" + i), first);
		}
		Wire second = new Wire();

		SentLedger.Settlement settlement = this.ledger.confirmed(second, true, 3);

		assertThat(settlement.resend()).extracting(SentLedgerTests::payload).containsExactly("t-4", "t-5");
		assertThat(settlement.lost()).isZero();
		assertThat(first.written).extracting(SentLedgerTests::payload).hasSize(5);
	}

	@Test
	void countsCarryOverLinksFromThePeersCountAtEachLinksStart() {
		Wire first = new Wire();
		this.ledger.confirmed(first, false, 10);
		this.ledger.send(throwOf("a"), first);
		this.ledger.send(throwOf("b"), first);
		Wire second = new Wire();
		// the peer had 10 before the first link and got "a" on it
		SentLedger.Settlement settlement = this.ledger.confirmed(second, true, 11);
		settlement.resend().forEach((message) -> this.ledger.send(message, second));
		this.ledger.send(throwOf("c"), second);

		SentLedger.Settlement next = this.ledger.confirmed(new Wire(), true, 12);

		assertThat(settlement.resend()).extracting(SentLedgerTests::payload).containsExactly("b");
		assertThat(next.resend()).extracting(SentLedgerTests::payload).containsExactly("c");
	}

	@Test
	void aPeerThatReceivedEverythingGetsNothingAgain() {
		Wire first = new Wire();
		this.ledger.confirmed(first, false, 0);
		this.ledger.send(throwOf("a"), first);

		SentLedger.Settlement settlement = this.ledger.confirmed(new Wire(), true, 1);

		assertThat(settlement.resend()).isEmpty();
		assertThat(settlement.lost()).isZero();
	}

	@Test
	void messagesThatGaveWayToNewerOnesAreCountedLostWhenThePeerLacksThem() {
		Wire first = new Wire();
		this.ledger.confirmed(first, false, 0);
		int sent = SentLedger.MAX_MESSAGES + 10;
		for (int i = 0; i < sent; i++) {
			this.ledger.send(throwOf("t-" + i), first);
		}

		SentLedger.Settlement settlement = this.ledger.confirmed(new Wire(), true, 4);

		assertThat(settlement.lost()).isEqualTo(6);
		assertThat(settlement.resend()).hasSize(SentLedger.MAX_MESSAGES);
		assertThat(payload(settlement.resend().get(0))).isEqualTo("t-10");
	}

	@Test
	void whenThePeerCannotSayNothingIsSentAgainAndAllKeptAreCountedLost() {
		Wire first = new Wire();
		this.ledger.confirmed(first, false, 0);
		this.ledger.send(throwOf("a"), first);
		this.ledger.send(throwOf("b"), first);

		SentLedger.Settlement settlement = this.ledger.confirmed(new Wire(), false, 0);

		assertThat(settlement.resend()).isEmpty();
		assertThat(settlement.lost()).isEqualTo(2);
	}

	@Test
	void sendsOnALinkThatIsNotTheCurrentOneAreNotKept() {
		Wire current = new Wire();
		this.ledger.confirmed(current, false, 0);
		Wire stale = new Wire();
		this.ledger.send(throwOf("late"), stale);

		SentLedger.Settlement settlement = this.ledger.confirmed(new Wire(), true, 0);

		assertThat(stale.written).hasSize(1);
		assertThat(settlement.resend()).isEmpty();
	}

	private static MessageFrame throwOf(String payload) {
		return new MessageFrame(new Metadata("", MessageType.THROW, "note", java.util.Map.of()), payload.getBytes());
	}

	private static String payload(MessageFrame message) {
		return new String(message.payload());
	}

	/** A connection that records what is written to it. */
	private static final class Wire implements Connection {

		private final List<MessageFrame> written = new ArrayList<>();

		@Override
		public void start(FrameReceiver receiver) {
		}

		@Override
		public CompletableFuture<Void> send(Frame frame) {
			this.written.add((MessageFrame) frame);
			return CompletableFuture.completedFuture(null);
		}

		@Override
		public void close() {
		}

		@Override
		public boolean isOpen() {
			return true;
		}

		@Override
		public int maxFrameSize() {
			return Integer.MAX_VALUE;
		}

		@Override
		public String remoteAddress() {
			return "test";
		}

	}

}
