package dev.comm.test;

import java.time.Duration;
import java.util.List;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;

import dev.comm.client.CommPool;
import dev.comm.client.RoundRobinStrategy;
import dev.comm.internal.client.PoolTarget;
import dev.comm.internal.client.ReachableMember;
import dev.comm.internal.client.TargetResources;
import dev.comm.internal.server.SelfEndpoint;
import dev.comm.internal.session.LinkSettings;
import dev.comm.transport.TransportSettings;

/**
 * The in-process link behind {@link CommTestClient}: a {@link SelfEndpoint} with one
 * connector per client id a test calls as. None of it is a bean the application sees: no
 * {@code CommListener} in the actuator, no peer in {@code comm.peers(...)}, no peer
 * events. It works whether or not the application has listeners, and on a transport of
 * its own, whatever {@code comm.transports.*} say.
 */
final class CommTestEndpoint implements SmartLifecycle, DisposableBean {

	private final SelfEndpoint self;

	private final TargetResources resources;

	private final Duration requestTimeout;

	CommTestEndpoint(LinkSettings linkSettings, TransportSettings transportSettings, TargetResources resources,
			Duration requestTimeout) {
		this.self = new SelfEndpoint("commTestClient", linkSettings, transportSettings);
		this.resources = resources;
		this.requestTimeout = requestTimeout;
	}

	/**
	 * Calls to the application's handlers from a client with that id; its connector is
	 * made on first use, and dials once the context has started.
	 * @param clientId the id the handlers see as {@code CommPeer.clientId()}
	 * @return the target
	 */
	CommPool target(String clientId) {
		List<ReachableMember> member = List.of(ReachableMember.of(this.self.connector(clientId)));
		return new PoolTarget("commTestClient", () -> member, new RoundRobinStrategy(), this.resources,
				this.requestTimeout);
	}

	@Override
	public void start() {
		this.self.start();
	}

	@Override
	public void stop() {
		this.self.stop();
	}

	@Override
	public boolean isRunning() {
		return this.self.isRunning();
	}

	/** With the application's endpoints, which start at {@code DEFAULT_PHASE - 1536}. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 1536;
	}

	@Override
	public void destroy() {
		this.self.close();
	}

}
