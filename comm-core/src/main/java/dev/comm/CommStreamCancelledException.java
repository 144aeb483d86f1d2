package dev.comm;

/**
 * The other side gave a stream up before it ended: the responder cancelled it (its
 * handler raised this exception, or it shut down), so no more items will come.
 */
public class CommStreamCancelledException extends CommException {

	public CommStreamCancelledException(String message) {
		super(message);
	}

}
