package dev.comm.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.comm.address.CommAddress;
import dev.comm.client.PoolStrategy;
import dev.comm.internal.client.Backoff;
import dev.comm.transport.TlsSettings.ClientAuth;

/**
 * The listeners, connectors and pools that {@code comm.*} properties describe, parsed and
 * validated once: a bad property fails here, with a message naming it, before any bean
 * exists. Only what needs other beans to judge waits until the endpoint is made: an SSL
 * bundle that does not exist or has no key, a scheme no transport serves, a ws listener
 * without a web server. Bean registration, the {@code CommClient} and the ws mounts all
 * read this one model, so an endpoint property is read in one place.
 *
 * @param listeners per {@code comm.listeners.<name>}, in configuration order
 * @param connectors per {@code comm.connectors.<name>}, in configuration order
 * @param pools per {@code comm.pools.<name>}, in configuration order
 */
record CommEndpoints(List<ListenerEndpoint> listeners, List<ConnectorEndpoint> connectors, List<PoolEndpoint> pools) {

	/** The bean name of the model itself. */
	static final String BEAN_NAME = "commEndpoints";

	CommEndpoints {
		listeners = List.copyOf(listeners);
		connectors = List.copyOf(connectors);
		pools = List.copyOf(pools);
	}

	/**
	 * The endpoints that properties describe, after validating every comm property.
	 * @param properties the bound {@code comm.*} properties
	 * @return the model
	 * @throws InvalidCommPropertyException naming the first property that makes no sense
	 * @throws dev.comm.address.InvalidAddressException for a URI that does not parse
	 */
	static CommEndpoints of(CommProperties properties) {
		CommPropertiesValidator.validate(properties);
		List<ListenerEndpoint> listeners = new ArrayList<>();
		properties.getListeners().forEach((name, listener) -> listeners.add(listener(name, listener)));
		List<ConnectorEndpoint> connectors = new ArrayList<>();
		properties.getConnectors()
			.forEach((name, connector) -> connectors
				.add(connector(name, connector, requestTimeout(connector.getRequestTimeout(), properties))));
		List<PoolEndpoint> pools = new ArrayList<>();
		properties.getPools()
			.forEach((name, pool) -> pools
				.add(new PoolEndpoint(name, List.copyOf(pool.getListeners()), List.copyOf(pool.getConnectors()),
						pool.getStrategy(), requestTimeout(pool.getRequestTimeout(), properties))));
		return new CommEndpoints(listeners, connectors, pools);
	}

	private static ListenerEndpoint listener(String name, CommProperties.Listener listener) {
		String prefix = "comm.listeners." + name;
		String uri = CommPropertiesValidator.requireUri(prefix + ".uri", listener.getUri());
		CommAddress address = CommPropertiesValidator.address(prefix, uri, listener.getService());
		CommProperties.ListenerSsl ssl = listener.getSsl();
		EndpointTls.checkListener(prefix, address, ssl.getBundle(), ssl.getClientAuth());
		return new ListenerEndpoint(name, address, List.copyOf(listener.getAllowedOrigins()), ssl.getBundle(),
				ssl.getClientAuth());
	}

	private static ConnectorEndpoint connector(String name, CommProperties.Connector connector,
			Duration requestTimeout) {
		String prefix = "comm.connectors." + name;
		List<String> uris = connector.addresses();
		if (uris.isEmpty()) {
			CommPropertiesValidator.requireUri(prefix + ".uri", null);
		}
		List<ConnectorEndpoint.Member> members = new ArrayList<>();
		for (int i = 0; i < uris.size(); i++) {
			String property = (connector.getUris().isEmpty()) ? prefix + ".uri" : prefix + ".uris[" + i + "]";
			String uri = CommPropertiesValidator.requireUri(property, uris.get(i));
			CommAddress address = CommPropertiesValidator.address(prefix, uri, connector.getService());
			EndpointTls.checkConnector(prefix, address, connector.getSsl().getBundle());
			members.add(new ConnectorEndpoint.Member(CommEndpointNames.connectorName(name, i, uris.size()), address,
					CommEndpointNames.connector(name, i, uris.size())));
		}
		CommProperties.Reconnect reconnect = connector.getReconnect();
		return new ConnectorEndpoint(name, members, connector.getStrategy(), requestTimeout,
				new Backoff(reconnect.getInitialDelay(), reconnect.getMaxDelay(), reconnect.getMultiplier()),
				connector.getSsl().getBundle(), connector.getToken());
	}

	private static Duration requestTimeout(Duration own, CommProperties properties) {
		return (own != null) ? own : properties.getRequestTimeout();
	}

	/**
	 * The configured listener of that name.
	 * @param name a key of {@code comm.listeners}
	 * @return the listener
	 * @throws IllegalArgumentException when there is none (validation rules that out for
	 * the names pools refer to)
	 */
	ListenerEndpoint listener(String name) {
		return this.listeners.stream()
			.filter((listener) -> listener.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No listener named '" + name + "'"));
	}

	/**
	 * The configured connector of that name.
	 * @param name a key of {@code comm.connectors}
	 * @return the connector
	 * @throws IllegalArgumentException when there is none (validation rules that out for
	 * the names pools refer to)
	 */
	ConnectorEndpoint connector(String name) {
		return this.connectors.stream()
			.filter((connector) -> connector.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No connector named '" + name + "'"));
	}

	/**
	 * The bean names of the {@code Connector} beans that properties describe, to tell
	 * them from connectors the application declares itself.
	 * @return the bean names
	 */
	Set<String> connectorBeanNames() {
		Set<String> names = new LinkedHashSet<>();
		this.connectors.forEach((connector) -> connector.members().forEach((member) -> names.add(member.beanName())));
		return names;
	}

	/**
	 * A listener.
	 *
	 * @param name its key under {@code comm.listeners}
	 * @param address where it listens, its {@code service} folded in
	 * @param allowedOrigins the origins allowed to open it, for a ws listener
	 * @param sslBundle the SSL bundle its {@code ssl.bundle} names, or {@code null}
	 * @param clientAuth its {@code ssl.client-auth}
	 */
	record ListenerEndpoint(String name, CommAddress address, List<String> allowedOrigins, String sslBundle,
			ClientAuth clientAuth) {

		/** The prefix of its properties, for messages. */
		String prefix() {
			return "comm.listeners." + this.name;
		}

		/** The name of its {@code CommListener} bean. */
		String beanName() {
			return CommEndpointNames.listener(this.name);
		}

		/** The name of the {@code CommPool} bean of its peers. */
		String peersBeanName() {
			return CommEndpointNames.peers(this.name);
		}

		/** Whether it is mounted on the application's web server. */
		boolean isWebSocket() {
			return this.address.scheme().startsWith("ws");
		}

	}

	/**
	 * A connector: one {@code Connector} bean per URI, and a pool of them.
	 *
	 * @param name its key under {@code comm.connectors}
	 * @param members one per URI, in order
	 * @param strategy its {@code strategy}, validated
	 * @param requestTimeout its request timeout, or {@code comm.request-timeout}
	 * @param backoff its reconnect back-off
	 * @param sslBundle the SSL bundle its {@code ssl.bundle} names, or {@code null}
	 * @param token the bearer token it presents, or {@code null}
	 */
	record ConnectorEndpoint(String name, List<Member> members, String strategy, Duration requestTimeout,
			Backoff backoff, String sslBundle, String token) {

		ConnectorEndpoint {
			members = List.copyOf(members);
		}

		/** The prefix of its properties, for messages. */
		String prefix() {
			return "comm.connectors." + this.name;
		}

		/** The name of its {@code CommPool} bean. */
		String beanName() {
			return CommEndpointNames.pool(this.name);
		}

		/** A new strategy of the kind its {@code strategy} names. */
		PoolStrategy newStrategy() {
			return PoolStrategy.named(this.strategy);
		}

		/**
		 * One URI of a connector.
		 *
		 * @param name the {@code Connector}'s name, as logs show it
		 * @param address where it connects, its {@code service} folded in
		 * @param beanName the name of its {@code Connector} bean
		 */
		record Member(String name, CommAddress address, String beanName) {

		}

	}

	/**
	 * A pool that mixes listeners' peers with connectors.
	 *
	 * @param name its key under {@code comm.pools}
	 * @param listeners the listeners whose peers are members
	 * @param connectors the connectors that are members
	 * @param strategy its {@code strategy}, validated
	 * @param requestTimeout its request timeout, or {@code comm.request-timeout}
	 */
	record PoolEndpoint(String name, List<String> listeners, List<String> connectors, String strategy,
			Duration requestTimeout) {

		/** The name of its {@code CommPool} bean. */
		String beanName() {
			return CommEndpointNames.pool(this.name);
		}

		/** A new strategy of the kind its {@code strategy} names. */
		PoolStrategy newStrategy() {
			return PoolStrategy.named(this.strategy);
		}

	}

}
