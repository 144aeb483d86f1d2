package dev.comm.observation;

/**
 * What an observation knows of one request, throw or stream: filled in as the call
 * proceeds, read by the {@link CommClientObservationConvention conventions} when the
 * observation stops.
 */
public final class CommCall {

	private final String route;

	private final CommCallKind kind;

	private final String endpoint;

	private String transport;

	private String peerClientId;

	private String peerAddress;

	private String outcome;

	private long items;

	/**
	 * When its timer started, on the meter registry's clock; see
	 * {@link CommMeterObservationHandler}.
	 */
	long timerStart;

	/**
	 * Describe a call.
	 * @param route the route, or {@code null} for an unrouted call
	 * @param isThrow whether it is a throw rather than a request
	 * @param endpoint the listener, connector or pool it goes through
	 */
	public CommCall(String route, boolean isThrow, String endpoint) {
		this(route, isThrow ? CommCallKind.THROW : CommCallKind.REQUEST, endpoint);
	}

	/**
	 * Describe a call of any kind.
	 * @param route the route, or {@code null} for an unrouted call
	 * @param kind a request, a throw or a stream
	 * @param endpoint the listener, connector or pool it goes through
	 */
	public CommCall(String route, CommCallKind kind, String endpoint) {
		this.route = route;
		this.kind = kind;
		this.endpoint = endpoint;
	}

	/**
	 * The route as the caller gave it.
	 * @return the route, or {@code null} for an unrouted call
	 */
	public String getRoute() {
		return this.route;
	}

	public CommCallKind getKind() {
		return this.kind;
	}

	public boolean isThrow() {
		return this.kind == CommCallKind.THROW;
	}

	public boolean isStream() {
		return this.kind == CommCallKind.STREAM;
	}

	/**
	 * The name of the listener or connector whose link carried the call; until a link is
	 * chosen, the target's name.
	 * @return the name
	 */
	public String getEndpoint() {
		return this.endpoint;
	}

	/**
	 * The scheme of the transport that carried the call.
	 * @return the scheme, or {@code null} until a link is chosen (a call that never found
	 * one keeps {@code null})
	 */
	public String getTransport() {
		return this.transport;
	}

	/**
	 * The client id of the process at the other end.
	 * @return the id, or {@code null} when not known
	 */
	public String getPeerClientId() {
		return this.peerClientId;
	}

	/**
	 * The remote end as its transport describes it.
	 * @return the address, or {@code null} when not known
	 */
	public String getPeerAddress() {
		return this.peerAddress;
	}

	/**
	 * How the call ended: {@code success} or an {@link CommOutcomes outcome name}.
	 * @return the outcome, or {@code null} while it runs
	 */
	public String getOutcome() {
		return this.outcome;
	}

	/**
	 * Record the link the call travels on. The endpoint stays the one the call was made
	 * through: a pool's calls are the pool's, whichever member's link carries them.
	 * @param transport the link's transport scheme
	 * @param peerClientId the peer's client id
	 * @param peerAddress the peer's remote address
	 */
	public void setLink(String transport, String peerClientId, String peerAddress) {
		this.transport = (transport != null && !transport.isEmpty()) ? transport : null;
		this.peerClientId = peerClientId;
		this.peerAddress = peerAddress;
	}

	public void setOutcome(String outcome) {
		this.outcome = outcome;
	}

	/**
	 * The items of a stream: on the caller those its subscriber received, on the
	 * responder those sent.
	 * @return the count; 0 for a request or throw, and for a stream until it ends
	 */
	public long getItems() {
		return this.items;
	}

	/**
	 * Record how many items a stream delivered, before its observation stops.
	 * @param items the count
	 */
	public void setItems(long items) {
		this.items = items;
	}

}
