package dev.comm.autoconfigure;

import dev.comm.internal.session.LinkLimits;
import dev.comm.transport.TransportSettings;

/**
 * How much one link may give this application at once ({@code comm.limits.*}), so that a
 * single peer cannot queue work or hold memory without bound.
 */
public class CommLimitsProperties {

	/**
	 * Most requests per link whose handler has not finished; one more is answered at once
	 * with a busy responder fault, code 429.
	 */
	private int requestsInFlight = LinkLimits.DEFAULT_REQUESTS_IN_FLIGHT;

	/**
	 * Most throws per connection delivered and not yet handled before this side stops
	 * reading from the peer, which slows its sender down (tcp, unix and tls).
	 */
	private int throwsInFlight = TransportSettings.DEFAULT_THROWS_IN_FLIGHT;

	public int getRequestsInFlight() {
		return this.requestsInFlight;
	}

	public void setRequestsInFlight(int requestsInFlight) {
		this.requestsInFlight = requestsInFlight;
	}

	public int getThrowsInFlight() {
		return this.throwsInFlight;
	}

	public void setThrowsInFlight(int throwsInFlight) {
		this.throwsInFlight = throwsInFlight;
	}

}
