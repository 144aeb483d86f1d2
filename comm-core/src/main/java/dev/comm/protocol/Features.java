package dev.comm.protocol;

import java.util.HashSet;
import java.util.Set;

/**
 * Names of the comm protocol extensions. A side uses an extension only when both hellos
 * announced it, so a communica peer never receives one.
 */
public final class Features {

	/** Ping and pong frames that detect a dead peer on an idle connection. */
	public static final String HEARTBEAT = "heartbeat";

	/** An {@code "error"} member in error bodies naming the error kind. */
	public static final String ERROR_TYPE = "error-type";

	/**
	 * Peer sessions that survive a dropped link: the server names its instance in a
	 * session message, so that a reconnecting client can tell a resumed session from a
	 * new server process. Announced only by links that keep sessions.
	 */
	public static final String SESSION = "session";

	/**
	 * Requests answered by a stream of items, with credit-based back-pressure and
	 * cancellation from either side. Announced only by links that have the stream
	 * machinery installed.
	 */
	public static final String STREAM = "stream";

	/**
	 * What a peer reached through a broker supports, known without a hello: everything
	 * that needs no connection of its own. Heartbeats are the broker connection's job,
	 * and a session needs a link that can drop and come back. Streams are offered, and
	 * used when this side installed them.
	 */
	public static final Set<String> BROKERED = Set.of(ERROR_TYPE, STREAM);

	/**
	 * Everything this version of comm understands without installing more: streams are
	 * announced by the links that install them.
	 */
	public static final Set<String> ALL = Set.of(HEARTBEAT, ERROR_TYPE, SESSION);

	private Features() {
	}

	/**
	 * The extensions both sides may use.
	 * @param local what this side announced
	 * @param remote what the peer announced
	 * @return the intersection
	 */
	public static Set<String> agreed(Set<String> local, Set<String> remote) {
		Set<String> agreed = new HashSet<>(local);
		agreed.retainAll(remote);
		return Set.copyOf(agreed);
	}

}
