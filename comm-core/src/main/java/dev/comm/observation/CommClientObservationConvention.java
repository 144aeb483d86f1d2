package dev.comm.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * How requests, throws and streams this process sends are named and tagged. Declare a
 * bean of this type to replace {@link DefaultCommClientObservationConvention}, or extend
 * that class to add keys.
 */
public interface CommClientObservationConvention extends ObservationConvention<CommClientContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof CommClientContext;
	}

}
