package dev.comm.observation;

import java.util.Map;

import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.ReceiverContext;

/**
 * The observation context of a request or throw a handler of this process serves. Its
 * carrier is the message's metadata, where a tracing handler finds the caller's trace
 * context.
 */
public final class CommServerContext extends ReceiverContext<Map<String, Object>> {

	private final CommCall call;

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

}
