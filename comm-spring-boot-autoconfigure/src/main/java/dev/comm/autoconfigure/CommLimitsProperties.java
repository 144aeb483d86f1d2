package dev.comm.autoconfigure;

import dev.comm.internal.session.LinkLimits;
import dev.comm.transport.TransportSettings;

/**
 * How much peers may hold of this application ({@code comm.limits.*}), so that no peer
 * can open links, queue work or hold memory without bound. Over a broker, the broker
 * bounds the links.
 */
public class CommLimitsProperties {

	/**
	 * Most links one listener holds, those in their handshake included; a peer beyond
	 * them is refused. Zero for no limit.
	 */
	private int linksPerListener = 10_000;

	/**
	 * Most links of one client id on one listener; a peer beyond them is refused, unless
	 * it takes the place of a link of its client id that left a heartbeat unanswered.
	 * Zero for no limit.
	 */
	private int linksPerClientId;

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

	public int getLinksPerListener() {
		return this.linksPerListener;
	}

	public void setLinksPerListener(int linksPerListener) {
		this.linksPerListener = linksPerListener;
	}

	public int getLinksPerClientId() {
		return this.linksPerClientId;
	}

	public void setLinksPerClientId(int linksPerClientId) {
		this.linksPerClientId = linksPerClientId;
	}

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
