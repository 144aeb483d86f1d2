package dev.comm.observation;

import java.util.Map;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.ReceiverContext;

/**
 * The observation context of a request, throw or stream a handler of this process serves.
 * Its carrier is the message's metadata, where a tracing handler finds the caller's trace
 * context.
 */
public final class CommServerContext extends ReceiverContext<Map<String, Object>> {

	private final CommCall call;

	private final ContextKeyValues keyValues = new ContextKeyValues();

	private final boolean routeMapped;

	/**
	 * A context for one inbound message.
	 * @param call what is known of the call
	 * @param metadata the message's metadata keys besides id, type and route
	 * @param routeMapped whether a handler of its own serves the route (not the fallback,
	 * not "no route")
	 */
	public CommServerContext(CommCall call, Map<String, Object> metadata, boolean routeMapped) {
		super((carrier, key) -> (carrier.get(key) instanceof String value) ? value : null,
				call.isThrow() ? Kind.CONSUMER : Kind.SERVER);
		this.call = call;
		this.routeMapped = routeMapped;
		setCarrier(metadata);
		setRemoteServiceAddress(call.getPeerAddress());
		setRemoteServiceName(call.getPeerClientId());
	}

	public CommCall getCall() {
		return this.call;
	}

	/**
	 * Whether the route has a handler of its own. Routes that only the fallback serves,
	 * or none, are the caller's choice, so the default convention does not make a tag
	 * value of them.
	 * @return whether the route is mapped
	 */
	public boolean isRouteMapped() {
		return this.routeMapped;
	}

	// key values: held by ContextKeyValues instead of the context's own maps, as in
	// CommClientContext; a sender's and a receiver's context share no superclass of
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
