package dev.comm.internal.session;

import dev.comm.protocol.ErrorBody;

/**
 * What answering a request produced: a payload or an error.
 *
 * @param payload the reply payload when the request succeeded
 * @param error the error when it failed
 */
public record Outcome(byte[] payload, ErrorBody error) {

	public static Outcome success(byte[] payload) {
		return new Outcome(payload, null);
	}

	public static Outcome failure(ErrorBody error) {
		return new Outcome(null, error);
	}

	public boolean isSuccess() {
		return this.error == null;
	}

}
