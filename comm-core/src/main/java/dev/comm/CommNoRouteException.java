package dev.comm;

/**
 * The other side has no handler for the requested route. Raised at once, never after a
 * timeout.
 */
public class CommNoRouteException extends CommRemoteException {

	public CommNoRouteException(String route, String remoteMessage) {
		super(CommErrorKind.NO_ROUTE, null, route, remoteMessage);
	}

}
