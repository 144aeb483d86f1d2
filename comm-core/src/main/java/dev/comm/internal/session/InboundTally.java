package dev.comm.internal.session;

/**
 * The server's count of the requests and throws one client's session received, over all
 * its links, and which link may add to it. When a client resumes, the count tells it
 * which of the messages it sent on its dropped link never arrived, so that it sends them
 * again. For that count to stay exact, a link that a newer one has taken over adds
 * nothing more: whatever it still reads is dropped, and the client resends it.
 */
public final class InboundTally {

	/** Written under the lock; read without it where a stale answer is harmless. */
	private volatile Object current;

	private long received;

	/**
	 * A new link of the client takes over.
	 * @param link the new link
	 * @return the messages received before it
	 */
	public synchronized long takeOver(Object link) {
		this.current = link;
		return this.received;
	}

	/**
	 * Whether a link is the session's newest. Asked for every reply, so without the lock:
	 * the answer may be a moment old, as it could be with the lock by the time the reply
	 * is written.
	 * @param link the link
	 * @return whether no newer link took over
	 */
	boolean isCurrent(Object link) {
		return this.current == link;
	}

	/**
	 * A request or throw arrived on a link.
	 * @param link the link
	 * @return whether to serve it: {@code false} when a newer link took over
	 */
	synchronized boolean count(Object link) {
		if (this.current != link) {
			return false;
		}
		this.received++;
		return true;
	}

}
