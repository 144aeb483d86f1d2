package dev.comm.observation;

/**
 * The default names and keys of calls this process's handlers serve: the observation
 * {@code comm.server.requests}, a span named {@code request <route>},
 * {@code throw <route>} or {@code stream <route>}, and the keys of
 * {@link CommObservationDocumentation}.
 */
public class DefaultCommServerObservationConvention extends CommCallConvention<CommServerContext>
		implements CommServerObservationConvention {

	/** The observation's name, and the name of the timer it becomes. */
	public static final String NAME = "comm.server.requests";

	/** The route tag of a route no handler of its own serves. */
	public static final String UNMATCHED = "unmatched";

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	final CommCall call(CommServerContext context) {
		return context.getCall();
	}

	/**
	 * The route's tag value. Any peer may send any route, so only mapped routes become
	 * values; the others, served by the fallback or by none, are {@code unmatched}, which
	 * keeps the number of timers bounded.
	 * @param context the context
	 * @return the value
	 */
	@Override
	protected String route(CommServerContext context) {
		String route = context.getCall().getRoute();
		if (route == null) {
			return CommKeyValues.NONE;
		}
		return context.isRouteMapped() ? route : UNMATCHED;
	}

}
