package dev.comm.internal.stream;

import dev.comm.protocol.ErrorBody;

/**
 * Learns how a served stream ended, for whoever opened it to observe it: a
 * {@link StreamReply} carries one. Told once, on the thread that ended the stream, after
 * its last frame went out; a stream that ends before its handler answered is told when
 * the answer comes.
 */
public interface ServedStreamEnd {

	/** Learns nothing. */
	ServedStreamEnd NONE = new ServedStreamEnd() {

		@Override
		public void completed(long items) {
		}

		@Override
		public void failed(ErrorBody error, Throwable cause, long items) {
		}

		@Override
		public void cancelled(long items) {
		}

		@Override
		public void lost(long items) {
		}

	};

	/**
	 * The items ran out and the end frame went out.
	 * @param items the items sent
	 */
	void completed(long items);

	/**
	 * The stream ended with an error frame.
	 * @param error what the caller was told
	 * @param cause the source's failure it stands for, or {@code null} when the stream
	 * itself failed (refused, out of credit for too long, an item that would not encode)
	 * @param items the items sent before
	 */
	void failed(ErrorBody error, Throwable cause, long items);

	/**
	 * The caller cancelled the stream, or the handler's source gave it up.
	 * @param items the items sent before
	 */
	void cancelled(long items);

	/**
	 * The stream's link closed before its end.
	 * @param items the items sent before
	 */
	void lost(long items);

}
