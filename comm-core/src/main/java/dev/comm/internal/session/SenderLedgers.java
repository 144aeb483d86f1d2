package dev.comm.internal.session;

/**
 * What a server's session keeps for one sender of the client (one connector: several in
 * one process may share a client id): the count of the requests and throws it received
 * from it, and the replies it sent it, so that either side can send again what a dropped
 * link lost.
 *
 * @param received the count of what arrived from the sender
 * @param replies the replies sent on the sender's current link
 */
public record SenderLedgers(InboundTally received, SentLedger replies) {

	public SenderLedgers() {
		this(new InboundTally(), new SentLedger());
	}

	/**
	 * A sender's ledgers as a session looked them up.
	 *
	 * @param ledgers the ledgers
	 * @param existed whether the session had them from an earlier link
	 */
	public record Found(SenderLedgers ledgers, boolean existed) {

	}

}
