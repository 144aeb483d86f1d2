package dev.comm;

/**
 * Thrown by a handler to reject a request as the caller's fault (bad input, a missing
 * entity). The caller receives a {@link CommRemoteException} of kind
 * {@link CommErrorKind#REQUESTER_FAULT} with this code and message; communica peers see
 * it as their {@code ReqError}.
 */
public class RequesterFaultException extends CommException {

	private final Integer code;

	public RequesterFaultException(Integer code, String message) {
		super(message);
		this.code = code;
	}

	public Integer getCode() {
		return this.code;
	}

}
