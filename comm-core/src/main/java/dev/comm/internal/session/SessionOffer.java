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
	 * A client's new link, its hello agreed: say whether its session is kept (its link
	 * dropped within the resume window, or it is connected), keeping a new one otherwise,
	 * and make the link the one whose requests and throws the sender's ledgers count.
	 * @param clientId the client id
	 * @param senderId the id of the client's sender (its connector), or {@code null} when
	 * the hello names none
	 * @param link the new link
	 * @return what the session message tells the client, and the sender's ledgers
	 */
	Resumption resume(String clientId, String senderId, Object link);

	/**
	 * A reply to the client that its link could not write: keep it for the client's next
	 * link, or send it on the current one.
	 * @param clientId the client id
	 * @param reply the response frame
	 */
	void undelivered(String clientId, MessageFrame reply);

	/**
	 * What a server's session knows when a client's link opens.
	 *
	 * @param known whether the session was kept from an earlier link
	 * @param received the requests and throws the sender's earlier links delivered, or
	 * {@code -1} when the session knows no earlier link of this sender
	 * @param ledgers the sender's ledgers, for the link to add to; {@code null} when the
	 * hello names no sender
	 */
	record Resumption(boolean known, long received, SenderLedgers ledgers) {

	}

}
