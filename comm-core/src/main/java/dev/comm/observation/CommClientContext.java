package dev.comm.observation;

import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.SenderContext;

/**
 * The observation context of a request, throw or stream this process sends. Its carrier
 * is the metadata the message will carry besides id, type and route: a tracing handler
 * writes the trace context there ({@code traceparent} and {@code tracestate} with W3C
 * propagation), and the peer reads it back into the handler's observation.
 */
public final class CommClientContext extends SenderContext<Map<String, Object>> {

	private final CommCall call;

	private final ContextKeyValues keyValues = new ContextKeyValues();

	/**
	 * A context for one call.
	 * @param call what is known of the call so far
	 */
	public CommClientContext(CommCall call) {
		super((carrier, key, value) -> {
			if (carrier != null) {
				carrier.put(key, value);
			}
		}, call.isThrow() ? Kind.PRODUCER : Kind.CLIENT);
		this.call = call;
		setCarrier(new LinkedHashMap<>());
		setRemoteServiceName(call.getEndpoint());
	}

	public CommCall getCall() {
		return this.call;
	}

	// key values: held by ContextKeyValues instead of the context's own maps, as in
	// CommServerContext; a sender's and a receiver's context share no superclass of
	// comm's

	@Override
	public Observation.Context addLowCardinalityKeyValue(KeyValue keyValue) {
		this.keyValues.addLow(KeyValues.of(keyValue));
		return this;
	}

	@Override
	public Observation.Context addHighCardinalityKeyValue(KeyValue keyValue) {
		this.keyValues.addHigh(KeyValues.of(keyValue));
		return this;
	}

	@Override
	public Observation.Context addLowCardinalityKeyValues(KeyValues keyValues) {
		this.keyValues.addLow(keyValues);
		return this;
	}

	@Override
	public Observation.Context addHighCardinalityKeyValues(KeyValues keyValues) {
		this.keyValues.addHigh(keyValues);
		return this;
	}

	@Override
	public Observation.Context removeLowCardinalityKeyValue(String keyName) {
		this.keyValues.removeLow(keyName);
		return this;
	}

	@Override
	public Observation.Context removeHighCardinalityKeyValue(String keyName) {
		this.keyValues.removeHigh(keyName);
		return this;
	}

	@Override
	public Observation.Context removeLowCardinalityKeyValues(String... keyNames) {
		this.keyValues.removeLow(keyNames);
		return this;
	}

	@Override
	public Observation.Context removeHighCardinalityKeyValues(String... keyNames) {
		this.keyValues.removeHigh(keyNames);
		return this;
	}

	@Override
	public KeyValues getLowCardinalityKeyValues() {
		return this.keyValues.low();
	}

	@Override
	public KeyValues getHighCardinalityKeyValues() {
		return this.keyValues.high();
	}

	@Override
	public KeyValue getLowCardinalityKeyValue(String key) {
		return this.keyValues.low(key);
	}

	@Override
	public KeyValue getHighCardinalityKeyValue(String key) {
		return this.keyValues.high(key);
	}

	@Override
	public KeyValues getAllKeyValues() {
		return this.keyValues.all();
	}

}
