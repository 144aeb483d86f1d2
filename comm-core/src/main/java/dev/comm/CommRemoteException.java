package dev.comm;

/**
 * The other side answered a request with an error. Carries the error's kind, the numeric
 * code the handler chose (may be {@code null}) and the remote message; nothing is
 * Java-serialized.
 */
public class CommRemoteException extends CommException {

	private final CommErrorKind kind;

	private final Integer code;

	private final String route;

	private final String remoteMessage;

	public CommRemoteException(CommErrorKind kind, Integer code, String route, String remoteMessage) {
		super(describe(kind, code, route, remoteMessage));
		this.kind = kind;
		this.code = code;
		this.route = route;
		this.remoteMessage = remoteMessage;
	}

	private static String describe(CommErrorKind kind, Integer code, String route, String remoteMessage) {
		return "Request '" + route + "' failed remotely (" + kind.wireName() + ((code != null) ? ", code " + code : "")
				+ "): " + remoteMessage;
	}

	public CommErrorKind getKind() {
		return this.kind;
	}

	/**
	 * The handler's error code, or {@code null} when it gave none.
	 */
	public Integer getCode() {
		return this.code;
	}

	public String getRoute() {
		return this.route;
	}

	/**
	 * The message as the remote side wrote it.
	 */
	public String getRemoteMessage() {
		return this.remoteMessage;
	}

}
