package dev.comm.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/**
 * A named group of peers: the URIs of a connector, the peers connected to a listener, or
 * a mix of both. The {@link CommTarget} methods send to one live member chosen by the
 * pool's {@link PoolStrategy}, waiting up to the timeout while no member is live;
 * {@link #broadcast} and {@link #sendAll} reach every member; {@link #member(String)}
 * reaches one by id.
 */
public interface CommPool extends CommTarget {

	/**
	 * The pool's name: the connector's, the listener's, or the configured pool's.
	 * @return the name
	 */
	String name();

	/**
	 * The ids of the members that are live now: peers' client ids, connectors' addresses.
	 * @return the ids, possibly empty
	 */
	List<String> memberIds();

	/**
	 * Every member, live or not, in the pool's order: what a health check or an operator
	 * wants to see.
	 * @return a snapshot of the members
	 */
	List<PoolMember> members();

	/**
	 * A target for one member, such as a worker by its client id. Calls through it wait,
	 * up to their timeout, for a member with that id to be live (a peer may not have
	 * connected yet).
	 * @param id the member's id
	 * @return the target
	 */
	CommTarget member(String id);

	/**
	 * Send a request to every member and wait until each has answered, failed or timed
	 * out. Never all-or-nothing: each member's outcome is in the list, in member order.
	 * @param <T> the reply type
	 * @param route the route
	 * @param payload the request payload, may be {@code null}
	 * @param replyType the type to convert each reply to
	 * @return one outcome per member; empty when the pool has no members
	 */
	<T> List<CommReply<T>> broadcast(String route, Object payload, Class<T> replyType);

	/**
	 * {@link #broadcast(String, Object, Class)} for a reply of a generic type.
	 * @param <T> the reply type
	 * @param route the route
	 * @param payload the request payload, may be {@code null}
	 * @param replyType the type to convert each reply to
	 * @return one outcome per member
	 */
	<T> List<CommReply<T>> broadcast(String route, Object payload, ReplyType<T> replyType);

	/**
	 * {@link #broadcast(String, Object, Class)} without waiting. Completes on the thread
	 * that delivered the last outcome, an I/O or timer thread, like
	 * {@link #requestAsync(String, Object, Class)}.
	 * @param <T> the reply type
	 * @param route the route
	 * @param payload the request payload, may be {@code null}
	 * @param replyType the type to convert each reply to
	 * @return completes, never exceptionally, when every member's outcome is in
	 */
	<T> CompletableFuture<List<CommReply<T>>> broadcastAsync(String route, Object payload, Class<T> replyType);

	/**
	 * {@link #broadcast(String, Object, Class)} with each member's outcome delivered as
	 * soon as it is in, in the order they arrive, rather than all at the end. Each
	 * subscription sends its own broadcast; the publisher completes once every member
	 * answered, failed or timed out, and never signals an error. Signals come on the
	 * thread that delivered the outcome, an I/O or timer thread.
	 * @param <T> the reply type
	 * @param route the route
	 * @param payload the request payload, may be {@code null}
	 * @param replyType the type to convert each reply to
	 * @return one outcome per member, as they arrive
	 */
	<T> Flow.Publisher<CommReply<T>> broadcastStream(String route, Object payload, Class<T> replyType);

	/**
	 * Throw a message to every member.
	 * @param route the route
	 * @param payload the payload, may be {@code null}
	 * @return one outcome per member: success once the message is accepted for sending to
	 * it
	 */
	List<CommReply<Void>> sendAll(String route, Object payload);

	@Override
	CommPool withTimeout(Duration timeout);

}
