package dev.comm.internal.stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StreamCreditTests {

	@Test
	void nothingMayBeSentBeforeAGrant() {
		StreamCredit credit = new StreamCredit();
		assertThat(credit.exhausted()).isTrue();
		assertThat(credit.take()).isFalse();
		assertThat(credit.sent()).isZero();
	}

	@Test
	void exactlyTheGrantedItemsMayBeSent() {
		StreamCredit credit = new StreamCredit();
		assertThat(credit.grant(2)).isTrue();
		assertThat(credit.take()).isTrue();
		assertThat(credit.exhausted()).isFalse();
		assertThat(credit.take()).isTrue();
		assertThat(credit.exhausted()).isTrue();
		assertThat(credit.take()).isFalse();
		assertThat(credit.grant(1)).isTrue();
		assertThat(credit.take()).isTrue();
		assertThat(credit.sent()).isEqualTo(3);
	}

	@Test
	void aGrantBelowOneIsInvalid() {
		StreamCredit credit = new StreamCredit();
		assertThat(credit.grant(0)).isFalse();
		assertThat(credit.grant(-5)).isFalse();
		assertThat(credit.take()).isFalse();
	}

	@Test
	void outstandingCreditBeyondTheLimitIsInvalid() {
		StreamCredit credit = new StreamCredit();
		assertThat(credit.grant(StreamCredit.MAX_OUTSTANDING)).isTrue();
		assertThat(credit.grant(1)).isFalse();
	}

	@Test
	void sentItemsMakeRoomForMoreCreditUpToTheLimit() {
		StreamCredit credit = new StreamCredit();
		assertThat(credit.grant(StreamCredit.MAX_OUTSTANDING)).isTrue();
		assertThat(credit.take()).isTrue();
		assertThat(credit.grant(1)).isTrue();
		assertThat(credit.grant(StreamCredit.MAX_OUTSTANDING + 1)).isFalse();
	}

}
