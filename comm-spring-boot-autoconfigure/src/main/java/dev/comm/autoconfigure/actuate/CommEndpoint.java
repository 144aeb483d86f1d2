package dev.comm.autoconfigure.actuate;

import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

import dev.comm.client.CommClient;
import dev.comm.client.CommPool;
import dev.comm.endpoint.CommConnector;
import dev.comm.endpoint.CommListener;
import dev.comm.endpoint.ConnectorStatus;
import dev.comm.internal.handler.HandlerMethod;
import dev.comm.internal.handler.RouteTable;

/**
 * {@code /actuator/comm}: what this process serves and whom it talks to, read-only. The
 * route table with each handler's method and types, the listeners with their connected
 * peers, the connectors with their state, and the configured pools with their members.
 */
@Endpoint(id = "comm")
public class CommEndpoint {

	private final RouteTable routes;

	private final ObjectProvider<CommListener> listeners;

	private final ObjectProvider<CommConnector> connectors;

	private final CommClient client;

	private final List<String> poolNames;

	private final ListenerPeers peers = new ListenerPeers();

	CommEndpoint(RouteTable routes, ObjectProvider<CommListener> listeners, ObjectProvider<CommConnector> connectors,
			CommClient client, List<String> poolNames) {
		this.routes = routes;
		this.listeners = listeners;
		this.connectors = connectors;
		this.client = client;
		this.poolNames = List.copyOf(poolNames);
	}

	@ReadOperation
	public CommDescriptor comm() {
		return new CommDescriptor(routes(), listeners(), connectors(), pools());
	}

	private List<RouteDescriptor> routes() {
		List<RouteDescriptor> described = new ArrayList<>();
		for (String route : this.routes.routes()) {
			described.add(describe(route, this.routes.find(route)));
		}
		HandlerMethod fallback = this.routes.find(null);
		if (fallback != null) {
			described.add(describe(null, fallback));
		}
		return described;
	}

	private static RouteDescriptor describe(String route, HandlerMethod handler) {
		Method method = handler.getMethod();
		List<String> parameters = Arrays.stream(method.getGenericParameterTypes()).map(Type::getTypeName).toList();
		return new RouteDescriptor(route, route == null, method.getDeclaringClass().getName(), method.getName(),
				parameters, method.getGenericReturnType().getTypeName());
	}

	private List<ListenerDescriptor> listeners() {
		return this.listeners.orderedStream()
			.map((listener) -> new ListenerDescriptor(listener.name(), listener.address().format(),
					listener.isRunning(), this.peers.of(listener)))
			.toList();
	}

	private List<ConnectorDescriptor> connectors() {
		return this.connectors.orderedStream().map((connector) -> {
			ConnectorStatus status = connector.status();
			return new ConnectorDescriptor(connector.name(), connector.address().format(),
					status.phase().name().toLowerCase(Locale.ROOT), status.since().toString(), status.lastFailure());
		}).toList();
	}

	private List<PoolDescriptor> pools() {
		List<PoolDescriptor> pools = new ArrayList<>();
		for (String name : this.poolNames) {
			CommPool pool = this.client.to(name);
			List<MemberDescriptor> members = pool.members()
				.stream()
				.map((member) -> new MemberDescriptor(member.id(), member.isLive()))
				.toList();
			pools.add(new PoolDescriptor(name, members.stream().filter(MemberDescriptor::live).count(), members));
		}
		return pools;
	}

	/**
	 * What {@code /actuator/comm} shows.
	 *
	 * @param routes the handlers, by route; the one for unmatched routes last
	 * @param listeners the listeners and their peers
	 * @param connectors the connectors and their state
	 * @param pools the configured pools and their members
	 */
	public record CommDescriptor(List<RouteDescriptor> routes, List<ListenerDescriptor> listeners,
			List<ConnectorDescriptor> connectors, List<PoolDescriptor> pools) {

	}

	/**
	 * One handler.
	 *
	 * @param route its route, {@code null} for the handler of unmatched routes
	 * @param fallback whether it handles the routes nothing else matched
	 * @param bean the class that declares the handler method
	 * @param method the method's name
	 * @param parameters the method's parameter types
	 * @param returnType the method's return type
	 */
	public record RouteDescriptor(String route, boolean fallback, String bean, String method, List<String> parameters,
			String returnType) {

	}

	/**
	 * One listener.
	 *
	 * @param name its name
	 * @param address the address it is bound to, or asked to bind
	 * @param running whether it accepts peers
	 * @param peers the peers connected now, oldest first
	 */
	public record ListenerDescriptor(String name, String address, boolean running, List<PeerDescriptor> peers) {

	}

	/**
	 * One connected peer.
	 *
	 * @param clientId the client id from its hello
	 * @param remoteAddress where it connected from
	 * @param principal its authenticated name (a TLS client certificate's subject), if
	 * any
	 * @param connectedSince when it connected
	 * @param inFlight its requests being handled now
	 * @param openStreams its streams being served now
	 */
	public record PeerDescriptor(String clientId, String remoteAddress, String principal, String connectedSince,
			int inFlight, int openStreams) {

	}

	/**
	 * One connector.
	 *
	 * @param name its name
	 * @param address the address it dials
	 * @param phase connecting, connected, reconnecting or stopped
	 * @param since when it entered that phase
	 * @param lastFailure why its last attempt to connect failed, if it has failed since
	 * it last connected
	 */
	public record ConnectorDescriptor(String name, String address, String phase, String since, String lastFailure) {

	}

	/**
	 * One configured pool.
	 *
	 * @param name its name
	 * @param live how many members are live
	 * @param members every member
	 */
	public record PoolDescriptor(String name, long live, List<MemberDescriptor> members) {

	}

	/**
	 * One pool member.
	 *
	 * @param id a peer's client id or a connector's address
	 * @param live whether a call would go out to it now
	 */
	public record MemberDescriptor(String id, boolean live) {

	}

}
