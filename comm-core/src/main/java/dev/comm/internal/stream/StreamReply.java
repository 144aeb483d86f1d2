package dev.comm.internal.stream;

import java.util.concurrent.Flow;
import java.util.function.Function;

import dev.comm.protocol.ErrorBody;

/**
 * What a {@link StreamHandler} answers a stream request with: the items and how to encode
 * and report them, or an error at once.
 *
 * @param items the items, subscribed to once; {@code null} when refused
 * @param encoder encodes one item
 * @param errors what the caller is told when the items fail
 * @param refused the error when there are no items, such as an unknown route
 * @param end learns how the stream ended
 */
public record StreamReply(Flow.Publisher<?> items, Function<Object, byte[]> encoder,
		Function<Throwable, ErrorBody> errors, ErrorBody refused, ServedStreamEnd end) {

	/**
	 * A reply whose end nobody learns.
	 * @param items the items, subscribed to once; {@code null} when refused
	 * @param encoder encodes one item
	 * @param errors what the caller is told when the items fail
	 * @param refused the error when there are no items
	 */
	public StreamReply(Flow.Publisher<?> items, Function<Object, byte[]> encoder, Function<Throwable, ErrorBody> errors,
			ErrorBody refused) {
		this(items, encoder, errors, refused, ServedStreamEnd.NONE);
	}

	public static StreamReply refused(ErrorBody error) {
		return new StreamReply(null, null, null, error);
	}

	/**
	 * This reply, with other items and another end, for a wrapper that observes both.
	 * @param items the items instead of these; {@code null} when refused
	 * @param end the end instead of this one
	 * @return the copy
	 */
	public StreamReply with(Flow.Publisher<?> items, ServedStreamEnd end) {
		return new StreamReply(items, this.encoder, this.errors, this.refused, end);
	}

}
