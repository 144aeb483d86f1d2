package dev.comm.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * How requests, throws and streams this process's handlers serve are named and tagged.
 * Declare a bean of this type to replace {@link DefaultCommServerObservationConvention},
 * or extend that class to add keys.
 */
public interface CommServerObservationConvention extends ObservationConvention<CommServerContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof CommServerContext;
	}

}
