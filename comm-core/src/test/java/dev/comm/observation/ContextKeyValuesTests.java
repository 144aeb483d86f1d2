package dev.comm.observation;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A comm context's key values behave as Micrometer's own context's do: adding replaces
 * the value of a key and keeps the others, removing removes; only the work differs.
 */
class ContextKeyValuesTests {

	private final ContextKeyValues keyValues = new ContextKeyValues();

	@Test
	void theConventionsKeyValuesAreKeptAsTheyAre() {
		KeyValues started = KeyValues.of("kind", "request", "outcome", "none", "route", "quote");
		KeyValues stopped = KeyValues.of("kind", "request", "outcome", "success", "route", "quote");

		this.keyValues.addLow(started);
		this.keyValues.addLow(stopped);

		assertThat(this.keyValues.low()).isSameAs(stopped);
	}

	@Test
	void keysOthersAddAreMergedAndTheLaterValueWins() {
		this.keyValues.addLow(KeyValues.of("outcome", "none", "route", "quote"));
		this.keyValues.addLow(KeyValues.of(KeyValue.of("tenant", "a")));
		this.keyValues.addLow(KeyValues.of("outcome", "success", "route", "quote"));

		assertThat(this.keyValues.low()).containsExactly(KeyValue.of("outcome", "success"),
				KeyValue.of("route", "quote"), KeyValue.of("tenant", "a"));
		assertThat(this.keyValues.low("tenant")).isEqualTo(KeyValue.of("tenant", "a"));
		assertThat(this.keyValues.low("missing")).isNull();
	}

	@Test
	void removedKeysAreGoneAndHighAndLowStayApart() {
		this.keyValues.addLow(KeyValues.of("outcome", "none", "route", "quote"));
		this.keyValues.addHigh(KeyValues.of("peer.client-id", "billing"));

		this.keyValues.removeLow("outcome", "absent");

		assertThat(this.keyValues.low()).containsExactly(KeyValue.of("route", "quote"));
		assertThat(this.keyValues.high()).containsExactly(KeyValue.of("peer.client-id", "billing"));
		assertThat(this.keyValues.all()).containsExactly(KeyValue.of("peer.client-id", "billing"),
				KeyValue.of("route", "quote"));
	}

	@Test
	void theCommContextsUseThem() {
		CommClientContext context = new CommClientContext(new CommCall("quote", false, "tcp"));
		KeyValues conventions = KeyValues.of("outcome", "success", "route", "quote");

		context.addLowCardinalityKeyValues(conventions);
		context.addHighCardinalityKeyValue(KeyValue.of("peer.client-id", "billing"));

		assertThat(context.getLowCardinalityKeyValues()).isSameAs(conventions);
		assertThat(context.getHighCardinalityKeyValue("peer.client-id").getValue()).isEqualTo("billing");
		assertThat(context.getAllKeyValues()).hasSize(3);
	}

}
