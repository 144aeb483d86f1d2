package dev.comm.autoconfigure;

/**
 * What callers are told when a handler fails unexpectedly ({@code comm.error.*}), in the
 * manner of Spring Boot's {@code server.error.*}.
 */
public class CommErrorProperties {

	/**
	 * When to tell callers the type and message of an unexpected handler exception; they
	 * always get an error id that is logged with the stack trace.
	 */
	private IncludeDetails includeDetails = IncludeDetails.NEVER;

	public IncludeDetails getIncludeDetails() {
		return this.includeDetails;
	}

	public void setIncludeDetails(IncludeDetails includeDetails) {
		this.includeDetails = includeDetails;
	}

	/**
	 * When to include the details of an unexpected handler exception in its error reply.
	 */
	public enum IncludeDetails {

		/** Never: the caller learns the route and the error id only. */
		NEVER,

		/** Always: also the exception's type and message, which may reveal internals. */
		ALWAYS

	}

}
