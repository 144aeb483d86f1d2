package dev.comm.client;

/**
 * One pool member's outcome of a broadcast: the converted reply, or the exception the
 * request ended with (a remote error, a timeout, a lost connection). A broadcast returns
 * one per member, so a slow or failing member never hides the others' answers.
 *
 * @param <T> the reply type
 * @param memberId the member that answered: a peer's client id, or a connector's address
 * @param value the reply when the request succeeded, else {@code null}
 * @param error the exception the request ended with, else {@code null}
 */
public record CommReply<T>(String memberId, T value, RuntimeException error) {

	/**
	 * A successful outcome.
	 * @param <T> the reply type
	 * @param memberId the member
	 * @param value its reply, may be {@code null}
	 * @return the outcome
	 */
	public static <T> CommReply<T> success(String memberId, T value) {
		return new CommReply<>(memberId, value, null);
	}

	/**
	 * A failed outcome.
	 * @param <T> the reply type
	 * @param memberId the member
	 * @param error what the request ended with
	 * @return the outcome
	 */
	public static <T> CommReply<T> failure(String memberId, RuntimeException error) {
		return new CommReply<>(memberId, null, error);
	}

	/**
	 * Whether the member replied without error.
	 * @return whether there is a value
	 */
	public boolean isSuccess() {
		return this.error == null;
	}

	/**
	 * The reply, or the error thrown.
	 * @return the reply
	 * @throws RuntimeException the member's error when it failed
	 */
	public T get() {
		if (this.error != null) {
			throw this.error;
		}
		return this.value;
	}

}
