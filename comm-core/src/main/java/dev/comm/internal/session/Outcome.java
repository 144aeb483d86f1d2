package dev.comm.internal.session;

import dev.comm.protocol.ErrorBody;

/**
 * What answering a request produced: a payload or an error.
 *
 * @param payload the reply payload when the request succeeded
 * @param error the error when it failed
 * @param cause the exception behind the error, for observers; {@code null} when the error
 * has none (no route, a payload that did not convert)
 */
public record Outcome(byte[] payload, ErrorBody error, Throwable cause) {

	public static Outcome success(byte[] payload) {
		return new Outcome(payload, null, null);
	}

	public static Outcome failure(ErrorBody error) {
		return new Outcome(null, error, null);
	}

	public static Outcome failure(ErrorBody error, Throwable cause) {
		return new Outcome(null, error, cause);
	}

	public boolean isSuccess() {
		return this.error == null;
	}

}
