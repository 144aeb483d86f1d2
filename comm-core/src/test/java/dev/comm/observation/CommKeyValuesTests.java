package dev.comm.observation;

import java.util.List;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.junit.jupiter.api.Test;

import dev.comm.CommStreamCancelledException;

import static org.assertj.core.api.Assertions.assertThat;

class CommKeyValuesTests {

	@Test
	void lowCardinalityValuesFollowTheCallAsItChanges() {
		CommCall call = new CommCall("orders.quote", false, "billing");
		call.setLink("tcp", "peer-1", "127.0.0.1:7070");

		assertThat(tags(CommKeyValues.lowCardinality(call, "orders.quote"))).containsExactly("endpoint=billing",
				"kind=request", "outcome=none", "route=orders.quote", "transport=tcp");
		call.setOutcome("timeout");
		assertThat(tags(CommKeyValues.lowCardinality(call, "orders.quote"))).contains("outcome=timeout");
	}

	@Test
	void manyDistinctRoutesAreEachTaggedWithTheirOwnRoute() {
		for (int i = 0; i < 10_000; i++) {
			CommCall call = new CommCall("route-" + i, true, "listener");
			assertThat(tags(CommKeyValues.lowCardinality(call, "route-" + i))).contains("route=route-" + i,
					"kind=throw", "transport=none");
		}
	}

	@Test
	void highCardinalityValuesHoldWhatIsKnownOfThePeer() {
		CommCall call = new CommCall("orders.quote", false, "billing");
		assertThat(tags(CommKeyValues.highCardinality(call))).isEmpty();

		call.setLink("unix", null, "/tmp/orders.sock");
		assertThat(tags(CommKeyValues.highCardinality(call))).containsExactly("peer.address=/tmp/orders.sock");

		call.setLink("tcp", "peer-1", "127.0.0.1:7070");
		assertThat(tags(CommKeyValues.highCardinality(call))).containsExactly("peer.address=127.0.0.1:7070",
				"peer.client.id=peer-1");
	}

	@Test
	void aStreamIsOfKindStreamNamedAfterItAndCountsItsItems() {
		CommCall call = new CommCall("prices.watch", CommCallKind.STREAM, "feed");
		call.setLink("tcp", "peer-1", "127.0.0.1:7070");
		call.setOutcome(CommOutcomes.CANCELLED);
		call.setItems(42);

		assertThat(call.isStream()).isTrue();
		assertThat(call.isThrow()).isFalse();
		assertThat(tags(CommKeyValues.lowCardinality(call, "prices.watch"))).containsExactly("endpoint=feed",
				"kind=stream", "outcome=cancelled", "route=prices.watch", "transport=tcp");
		assertThat(tags(CommKeyValues.highCardinality(call))).containsExactly("peer.address=127.0.0.1:7070",
				"peer.client.id=peer-1", "stream.items=42");
		assertThat(CommKeyValues.contextualName(call, "prices.watch")).isEqualTo("stream prices.watch");
		// a request of the same route keeps its own name and no item count
		CommCall request = new CommCall("prices.watch", false, "feed");
		assertThat(CommKeyValues.contextualName(request, "prices.watch")).isEqualTo("request prices.watch");
		assertThat(tags(CommKeyValues.highCardinality(request))).isEmpty();
	}

	@Test
	void aStreamGivenUpByEitherSideIsCancelled() {
		assertThat(CommOutcomes.of(new CommStreamCancelledException("given up"))).isEqualTo(CommOutcomes.CANCELLED);
	}

	private static List<String> tags(KeyValues values) {
		return values.stream().map((KeyValue value) -> value.getKey() + "=" + value.getValue()).toList();
	}

}
