package dev.comm.observation;

import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.SenderContext;

/**
 * The observation context of a request or throw this process sends. Its carrier is the
 * metadata the message will carry besides id, type and route: a tracing handler writes
 * the trace context there ({@code traceparent} and {@code tracestate} with W3C
 * propagation), and the peer reads it back into the handler's observation.
 */
public final class CommClientContext extends SenderContext<Map<String, Object>> {

	private final CommCall call;

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

}
