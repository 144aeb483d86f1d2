package dev.comm;

/**
 * Thrown by a handler to declare that it could not serve a valid request (a dependency is
 * down). The caller receives a {@link CommRemoteException} of kind
 * {@link CommErrorKind#RESPONDER_FAULT} with this code and message; communica peers see
 * it as their {@code RespError}.
 */
public class ResponderFaultException extends CommException {

	private final Integer code;

	public ResponderFaultException(Integer code, String message) {
		super(message);
		this.code = code;
	}

	public Integer getCode() {
		return this.code;
	}

}
