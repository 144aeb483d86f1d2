package dev.comm.internal.session;

/**
 * Whether and how a {@link Link} keeps a peer session, fixed when the link is made: none,
 * the client's half (a connector's {@link ClientSession}, kept across its links), or the
 * server's half (a listener's {@link SessionOffer}). The link announces the session
 * feature only when it keeps one.
 */
public final class SessionPolicy {

	private static final SessionPolicy NONE = new SessionPolicy(null, null);

	private final ClientSession client;

	private final SessionOffer server;

	private SessionPolicy(ClientSession client, SessionOffer server) {
		this.client = client;
		this.server = server;
	}

	/**
	 * No session: requests in flight fail when the link drops.
	 * @return the policy
	 */
	public static SessionPolicy none() {
		return NONE;
	}

	/**
	 * Dialled links: keep requests in flight across a dropped link in {@code session}
	 * when the server confirms one.
	 * @param session the connector's session
	 * @return the policy
	 */
	public static SessionPolicy client(ClientSession session) {
		return new SessionPolicy(session, null);
	}

	/**
	 * Accepted links: offer sessions to clients that announce them, and hand replies that
	 * cannot be written to the client's session.
	 * @param offer the listener's sessions
	 * @return the policy
	 */
	public static SessionPolicy server(SessionOffer offer) {
		return new SessionPolicy(null, offer);
	}

	ClientSession client() {
		return this.client;
	}

	SessionOffer server() {
		return this.server;
	}

	boolean keepsSession() {
		return this.client != null || this.server != null;
	}

	@Override
	public String toString() {
		return (this.client != null) ? "SessionPolicy[client]"
				: (this.server != null) ? "SessionPolicy[server]" : "SessionPolicy[none]";
	}

}
