package dev.comm.internal.session;

import dev.comm.protocol.MessageFrame;

/**
 * The server's half of peer sessions, as a link needs it during the handshake: the
 * instance id to announce, and whether a reconnecting client's session is still kept.
 */
public interface SessionOffer {

	/**
	 * The id of this server instance; a new process has a new one.
	 * @return the instance id
	 */
	String instanceId();

	/**
	 * Whether the session of a client id is kept (its link dropped within the resume
	 * window, or it is connected).
	 * @param clientId the client id
	 * @return whether the session is known
	 */
	boolean knows(String clientId);

	/**
	 * A reply to the client that its link could not write: keep it for the client's next
	 * link, or send it on the current one.
	 * @param clientId the client id
	 * @param reply the response frame
	 */
	void undelivered(String clientId, MessageFrame reply);

}
