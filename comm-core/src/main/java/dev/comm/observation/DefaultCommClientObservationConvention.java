package dev.comm.observation;

/**
 * The default names and keys of calls this process sends: the observation
 * {@code comm.client.requests}, a span named {@code request <route>},
 * {@code throw <route>} or {@code stream <route>}, and the keys of
 * {@link CommObservationDocumentation}.
 */
public class DefaultCommClientObservationConvention extends CommCallConvention<CommClientContext>
		implements CommClientObservationConvention {

	/** The observation's name, and the name of the timer it becomes. */
	public static final String NAME = "comm.client.requests";

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	final CommCall call(CommClientContext context) {
		return context.getCall();
	}

	/**
	 * The route's tag value: the route itself, which the calling code chose.
	 * @param context the context
	 * @return the value
	 */
	@Override
	protected String route(CommClientContext context) {
		String route = context.getCall().getRoute();
		return (route != null) ? route : CommKeyValues.NONE;
	}

}
