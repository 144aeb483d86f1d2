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
 */
public record StreamReply(Flow.Publisher<?> items, Function<Object, byte[]> encoder,
		Function<Throwable, ErrorBody> errors, ErrorBody refused) {

	public static StreamReply refused(ErrorBody error) {
		return new StreamReply(null, null, null, error);
	}

}
