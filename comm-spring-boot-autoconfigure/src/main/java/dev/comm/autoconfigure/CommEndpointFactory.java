package dev.comm.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.ssl.SslBundles;

import dev.comm.address.CommAddress;
import dev.comm.auth.CommAuthenticator;
import dev.comm.auth.CommCredentials;
import dev.comm.client.CommPool;
import dev.comm.client.PoolStrategy;
import dev.comm.client.RandomStrategy;
import dev.comm.client.RoundRobinStrategy;
import dev.comm.endpoint.PeerListener;
import dev.comm.internal.client.DefaultCommConnector;
import dev.comm.internal.client.PoolTarget;
import dev.comm.internal.client.ReachableMember;
import dev.comm.internal.client.TargetResources;
import dev.comm.internal.server.DefaultCommListener;
import dev.comm.internal.session.LinkSettings;
import dev.comm.internal.transport.ws.WebSocketMounts;
import dev.comm.transport.TransportRegistry;
import dev.comm.transport.TransportSettings;

/**
 * Makes the listener, connector and pool objects of the {@link CommEndpoints} model, one
 * method per kind, each the only place that constructs its type. It takes the shared
 * beans it needs (transports, link settings, TLS) from the bean factory when the first
 * endpoint is made, not when it is created, since it is created before those beans exist.
 */
final class CommEndpointFactory {

	private final BeanFactory beanFactory;

	private final CommEndpoints endpoints;

	private EndpointTls endpointTls;

	private EndpointAuthentication endpointAuthentication;

	CommEndpointFactory(BeanFactory beanFactory, CommEndpoints endpoints) {
		this.beanFactory = beanFactory;
		this.endpoints = endpoints;
	}

	DefaultCommListener listener(CommEndpoints.ListenerEndpoint endpoint) {
		CommAddress address = endpoint.address();
		if (endpoint.isWebSocket()) {
			checkWebSocketListener(endpoint.prefix() + ".uri", address);
		}
		DefaultCommListener listener = new DefaultCommListener(endpoint.name(), address,
				transports().forScheme(address.scheme()),
				endpointTls().listener(endpoint.prefix(), address, endpoint.sslBundle(), endpoint.clientAuth()),
				this.beanFactory.getBean(LinkSettings.class));
		listener.admitBy(endpointAuthentication().listener(endpoint.name(), address));
		this.beanFactory.getBeanProvider(PeerListener.class).orderedStream().forEach(listener::addPeerListener);
		CommProperties properties = this.beanFactory.getBean(CommProperties.class);
		listener.limitLinks(properties.getLimits().getLinksPerListener(), properties.getLimits().getLinksPerClientId());
		CommProperties.Sessions sessions = properties.getSessions();
		if (!sessions.getResumeWindow().isZero()) {
			listener.enableSessions(sessions.getResumeWindow(), sessions.getMaxQueued());
		}
		return listener;
	}

	/** The pool of the peers connected to a listener, as they are at each call. */
	CommPool peers(CommEndpoints.ListenerEndpoint endpoint) {
		return pool(endpoint.name(), () -> peersOf(endpoint), new RandomStrategy(),
				this.beanFactory.getBean(CommProperties.class).getRequestTimeout());
	}

	DefaultCommConnector connector(CommEndpoints.ConnectorEndpoint endpoint,
			CommEndpoints.ConnectorEndpoint.Member member) {
		CommAddress address = member.address();
		DefaultCommConnector connector = new DefaultCommConnector(member.name(), address,
				transports().forScheme(address.scheme()),
				endpointTls().connector(endpoint.prefix(), address, endpoint.sslBundle()),
				this.beanFactory.getBean(LinkSettings.class), endpoint.backoff());
		connector.presentBy(endpointAuthentication().connector(endpoint));
		return connector;
	}

	/** The pool of a connector's {@code DefaultCommConnector}s, one per URI. */
	CommPool pool(CommEndpoints.ConnectorEndpoint endpoint) {
		List<ReachableMember> members = List.copyOf(connectorMembers(endpoint));
		return pool(endpoint.name(), () -> members, endpoint.newStrategy(), endpoint.requestTimeout());
	}

	/**
	 * A configured pool: the peers of its listeners as they are at each call, then the
	 * members of its connectors.
	 */
	CommPool pool(CommEndpoints.PoolEndpoint endpoint) {
		List<ReachableMember> dialled = new ArrayList<>();
		endpoint.connectors().forEach((name) -> dialled.addAll(connectorMembers(this.endpoints.connector(name))));
		List<CommEndpoints.ListenerEndpoint> listeners = endpoint.listeners()
			.stream()
			.map(this.endpoints::listener)
			.toList();
		Supplier<List<ReachableMember>> members = () -> {
			List<ReachableMember> all = new ArrayList<>();
			listeners.forEach((listener) -> all.addAll(peersOf(listener)));
			all.addAll(dialled);
			return all;
		};
		return pool(endpoint.name(), members, endpoint.newStrategy(), endpoint.requestTimeout());
	}

	/**
	 * A pool of one {@code DefaultCommConnector} that the application declared itself, so
	 * that {@code comm.to(name)} reaches it as it reaches configured ones.
	 */
	static CommPool pool(DefaultCommConnector connector, TargetResources support, Duration timeout) {
		List<ReachableMember> member = List.of(ReachableMember.of(connector));
		return new PoolTarget(connector.name(), () -> member, new RoundRobinStrategy(), support, timeout);
	}

	private CommPool pool(String name, Supplier<List<ReachableMember>> members, PoolStrategy strategy,
			Duration timeout) {
		return new PoolTarget(name, members, strategy, this.beanFactory.getBean(TargetResources.class), timeout);
	}

	private List<ReachableMember> connectorMembers(CommEndpoints.ConnectorEndpoint endpoint) {
		return endpoint.members()
			.stream()
			.map((member) -> ReachableMember
				.of(this.beanFactory.getBean(member.beanName(), DefaultCommConnector.class)))
			.toList();
	}

	private List<ReachableMember> peersOf(CommEndpoints.ListenerEndpoint listener) {
		return this.beanFactory.getBean(listener.beanName(), DefaultCommListener.class).peers();
	}

	/**
	 * One for all endpoints, so that endpoints naming the same bundle share its TLS (and
	 * an amqps listener and connector on the same broker share a connection).
	 */
	private synchronized EndpointAuthentication endpointAuthentication() {
		if (this.endpointAuthentication == null) {
			this.endpointAuthentication = new EndpointAuthentication(
					this.beanFactory.getBeanProvider(CommAuthenticator.class),
					this.beanFactory.getBeanProvider(CommCredentials.class),
					this.beanFactory.getBean(LinkSettings.class).handlerExecutor());
		}
		return this.endpointAuthentication;
	}

	private synchronized EndpointTls endpointTls() {
		if (this.endpointTls == null) {
			this.endpointTls = new EndpointTls(this.beanFactory.getBean(TransportSettings.class),
					this.beanFactory.getBeanProvider(SslBundles.class));
		}
		return this.endpointTls;
	}

	/**
	 * A ws listener mounts on the application's servlet web server, so it needs both
	 * Spring WebSocket and that server; say which is missing rather than leave it to a
	 * generic "no transport" later.
	 */
	private void checkWebSocketListener(String property, CommAddress address) {
		if (!transports().schemes().contains(address.scheme())) {
			throw new InvalidCommPropertyException(property + " is the WebSocket listener " + address
					+ ", but the ws transport is not available: it needs Spring WebSocket on the classpath"
					+ " (spring-websocket with spring-boot-starter-webmvc) and comm.transports.ws left on");
		}
		if (this.beanFactory.getBeanProvider(WebSocketMounts.class).getIfAvailable() == null) {
			throw new InvalidCommPropertyException(property + " is the WebSocket listener " + address
					+ ", which is mounted on the application's servlet web server, but this application runs none;"
					+ " make it a servlet web application (spring-boot-starter-webmvc) or listen on tcp:// instead");
		}
	}

	private TransportRegistry transports() {
		return this.beanFactory.getBean(TransportRegistry.class);
	}

}
