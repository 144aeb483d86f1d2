package dev.comm.internal.stream;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A responder's account of one stream's credit: what the caller granted, less what was
 * sent. Grants come on the I/O thread, sends on the source's thread.
 */
final class StreamCredit {

	/** The most credit a caller may have outstanding (PROTOCOL.md S.4). */
	static final long MAX_OUTSTANDING = Integer.MAX_VALUE;

	private final AtomicLong granted = new AtomicLong();

	private volatile long sent;

	/**
	 * Take a grant.
	 * @param items how many more items the caller takes
	 * @return whether the grant is valid: positive, and the outstanding credit stays
	 * within {@link #MAX_OUTSTANDING}
	 */
	boolean grant(long items) {
		if (items < 1 || items > MAX_OUTSTANDING) {
			return false;
		}
		long total = this.granted.addAndGet(items);
		return total - this.sent <= MAX_OUTSTANDING;
	}

	/**
	 * Count one item about to be sent. Called by one thread at a time.
	 * @return whether the caller granted it
	 */
	boolean take() {
		if (this.sent >= this.granted.get()) {
			return false;
		}
		this.sent++;
		return true;
	}

	/**
	 * Whether everything granted was sent, so that the responder waits for the caller.
	 * @return whether no credit is left
	 */
	boolean exhausted() {
		return this.sent >= this.granted.get();
	}

	long sent() {
		return this.sent;
	}

}
