package dev.comm.benchmarks.curves;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

import tools.jackson.databind.json.JsonMapper;

/**
 * The payload of the curves: a record whose JSON is exactly a chosen number of bytes,
 * converted to and from JSON on both sides by every subject, as the cases' quote is.
 *
 * @param sequence a counter the server advances in its reply
 * @param data filler that makes up the size
 */
public record Blob(long sequence, String data) {

	/** The mapper the hand-wired subjects share; comm uses its own. */
	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final long FIRST = 1_000_000;

	/**
	 * A blob whose JSON is the given size.
	 * @param bytes the size of its JSON, at least the size of an empty blob's
	 * @return the blob
	 */
	static Blob ofJsonSize(int bytes) {
		int empty = toJson(new Blob(FIRST, "")).length;
		if (bytes < empty) {
			throw new IllegalArgumentException("A blob's JSON takes at least " + empty + " bytes");
		}
		return new Blob(FIRST, "x".repeat(bytes - empty));
	}

	/**
	 * The reply to this blob, the same size.
	 * @return the blob with the next sequence number
	 */
	public Blob next() {
		return new Blob(this.sequence + 1, this.data);
	}

	/**
	 * Whether a reply is this blob's: the next sequence number and the same data.
	 * @param reply the reply
	 * @return whether it answers this blob
	 */
	boolean answeredBy(Blob reply) {
		return reply != null && reply.sequence == this.sequence + 1 && reply.data.length() == this.data.length();
	}

	/**
	 * A request's future that fails unless the reply answers this blob.
	 * @param reply the future reply
	 * @return the checked future
	 */
	CompletableFuture<Blob> checked(CompletableFuture<Blob> reply) {
		return reply.thenApply((answer) -> {
			if (!answeredBy(answer)) {
				throw new IllegalStateException("Wrong reply to blob " + this.sequence);
			}
			return answer;
		});
	}

	static byte[] toJson(Blob blob) {
		return JSON.writeValueAsBytes(blob);
	}

	static Blob fromJson(byte[] json) {
		return JSON.readValue(json, Blob.class);
	}

	int jsonSize() {
		return new String(toJson(this), StandardCharsets.UTF_8).length();
	}

}
