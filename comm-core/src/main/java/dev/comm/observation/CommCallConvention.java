package dev.comm.observation;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;

/**
 * What the client and the server conventions do alike: the span name and the keys of a
 * {@link CommCall}; each says only how it finds the call in its context and how it tags
 * the route.
 *
 * @param <C> the context type
 */
abstract class CommCallConvention<C extends Observation.Context> {

	public String getContextualName(C context) {
		return CommKeyValues.contextualName(call(context), route(context));
	}

	public KeyValues getLowCardinalityKeyValues(C context) {
		return CommKeyValues.lowCardinality(call(context), route(context));
	}

	public KeyValues getHighCardinalityKeyValues(C context) {
		return CommKeyValues.highCardinality(call(context));
	}

	abstract CommCall call(C context);

	/**
	 * The route's tag value.
	 * @param context the context
	 * @return the value
	 */
	protected abstract String route(C context);

}
