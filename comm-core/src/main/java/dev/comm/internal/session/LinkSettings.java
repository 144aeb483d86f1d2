package dev.comm.internal.session;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What every link of an endpoint shares.
 *
 * @param clientId the id this side announces when it dials
 * @param handler serves inbound requests and throws
 * @param handlerExecutor runs handlers, off the I/O threads
 * @param scheduler runs timeouts and heartbeats
 * @param handshakeTimeout how long a new connection may take to say hello
 * @param heartbeatInterval how often an idle link is probed; zero turns heartbeats off
 * @param features the protocol extensions this side announces
 * @param endpoint the name of the listener or connector the links belong to, for
 * operators; {@code ""} when the links belong to none
 * @param transport the scheme of the transport under the links, for operators; {@code ""}
 * when unknown
 * @param handshake the credentials the links present and the admission of their peers
 * @param limits how much work each link may give this side at once
 * @param extensions the protocol extensions installed in each link, such as streams
 */
public record LinkSettings(String clientId, InboundHandler handler, Executor handlerExecutor,
		ScheduledExecutorService scheduler, Duration handshakeTimeout, Duration heartbeatInterval, Set<String> features,
		String endpoint, String transport, HandshakePolicy handshake, LinkLimits limits,
		List<LinkExtension.Factory> extensions) {

	public LinkSettings {
		extensions = (extensions != null) ? List.copyOf(extensions) : List.of();
	}

	/**
	 * Settings of links that belong to no named endpoint.
	 */
	public LinkSettings(String clientId, InboundHandler handler, Executor handlerExecutor,
			ScheduledExecutorService scheduler, Duration handshakeTimeout, Duration heartbeatInterval,
			Set<String> features) {
		this(clientId, handler, handlerExecutor, scheduler, handshakeTimeout, heartbeatInterval, features, "", "",
				HandshakePolicy.OPEN, LinkLimits.DEFAULTS, List.of());
	}

	/**
	 * These settings for the links of one endpoint.
	 * @param endpoint the listener's or connector's name
	 * @param transport the scheme of its address
	 * @return the copy
	 */
	public LinkSettings forEndpoint(String endpoint, String transport) {
		return new LinkSettings(this.clientId, this.handler, this.handlerExecutor, this.scheduler,
				this.handshakeTimeout, this.heartbeatInterval, this.features, endpoint, transport, this.handshake,
				this.limits, this.extensions);
	}

	/**
	 * These settings with another handshake policy.
	 * @param handshake the policy
	 * @return the copy
	 */
	public LinkSettings withHandshake(HandshakePolicy handshake) {
		return new LinkSettings(this.clientId, this.handler, this.handlerExecutor, this.scheduler,
				this.handshakeTimeout, this.heartbeatInterval, this.features, this.endpoint, this.transport, handshake,
				this.limits, this.extensions);
	}

	/**
	 * These settings with other per-link limits.
	 * @param limits the limits
	 * @return the copy
	 */
	public LinkSettings withLimits(LinkLimits limits) {
		return new LinkSettings(this.clientId, this.handler, this.handlerExecutor, this.scheduler,
				this.handshakeTimeout, this.heartbeatInterval, this.features, this.endpoint, this.transport,
				this.handshake, limits, this.extensions);
	}

	/**
	 * These settings with protocol extensions installed in each link; their features are
	 * announced besides the others.
	 * @param extensions the extensions' factories
	 * @return the copy
	 */
	public LinkSettings withExtensions(List<LinkExtension.Factory> extensions) {
		Set<String> announced = new LinkedHashSet<>(this.features);
		extensions.forEach((extension) -> announced.add(extension.feature()));
		return new LinkSettings(this.clientId, this.handler, this.handlerExecutor, this.scheduler,
				this.handshakeTimeout, this.heartbeatInterval, Set.copyOf(announced), this.endpoint, this.transport,
				this.handshake, this.limits, extensions);
	}

	/**
	 * These settings for links that dial this application's own handlers in process under
	 * another client id: no named endpoint, no credentials, the same limits.
	 * @param clientId the client id the handlers see
	 * @return the copy
	 */
	public LinkSettings asClient(String clientId) {
		return new LinkSettings(clientId, this.handler, this.handlerExecutor, this.scheduler, this.handshakeTimeout,
				this.heartbeatInterval, this.features, "", "", HandshakePolicy.OPEN, this.limits, this.extensions);
	}

}
