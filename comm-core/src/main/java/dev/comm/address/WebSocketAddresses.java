package dev.comm.address;

import java.util.Locale;

/**
 * The WebSocket forms of {@link CommAddress}: {@code ws://host:port/path} (the port may
 * be left out for the HTTP default: 80 for {@code ws}, 443 for {@code wss}) and the
 * host-less {@code ws:/path} of a listener mounted on the application's own HTTP server.
 * A path is kept as written; it carries no query or fragment, because the path alone
 * names the endpoint on the server.
 */
final class WebSocketAddresses {

	private WebSocketAddresses() {
	}

	/**
	 * Parse the host-less listener form.
	 * @param uri the address as given, for messages
	 * @param text the stripped address
	 * @return the address, or {@code null} when the text is not in the host-less form
	 */
	static CommAddress parseHostless(String uri, String text) {
		int colon = text.indexOf(':');
		if (colon < 0 || text.startsWith("//", colon + 1) || !text.startsWith("/", colon + 1)) {
			return null;
		}
		String scheme = text.substring(0, colon).toLowerCase(Locale.ROOT);
		if (!scheme.equals("ws") && !scheme.equals("wss")) {
			return null;
		}
		return CommAddress.ws(scheme.equals("wss"), null, -1, checkPath(uri, text.substring(colon + 1)));
	}

	/**
	 * Parse what follows {@code ws://} or {@code wss://}.
	 * @param uri the address as given, for messages
	 * @param scheme {@code ws} or {@code wss}
	 * @param rest the text after the scheme separator
	 * @return the address
	 */
	static CommAddress parse(String uri, String scheme, String rest) {
		int slash = rest.indexOf('/', rest.startsWith("[") ? Math.max(rest.indexOf(']'), 0) : 0);
		if (slash < 0) {
			throw new InvalidAddressException(uri,
					"a WebSocket address needs a path, for example " + scheme + "://host:8080/comm");
		}
		String authority = rest.substring(0, slash);
		String path = checkPath(uri, rest.substring(slash));
		boolean hasPort = authority.startsWith("[") ? authority.contains("]:")
				: authority.contains(":") && authority.indexOf(':') == authority.lastIndexOf(':');
		if (!hasPort && !authority.isEmpty() && !authority.startsWith("[") && authority.contains(":")) {
			throw new InvalidAddressException(uri, "write an IPv6 host in brackets: " + scheme + "://[host]:port/path");
		}
		if (!hasPort) {
			authority = authority + ":" + (scheme.equals("wss") ? 443 : 80);
		}
		CommAddress hostAndPort = CommAddress.parseHostPort(uri, scheme, authority);
		return CommAddress.ws(scheme.equals("wss"), hostAndPort.host(), hostAndPort.port(), path);
	}

	private static String checkPath(String uri, String path) {
		if (path.indexOf('?') >= 0 || path.indexOf('#') >= 0 || path.contains("//") || path.indexOf(' ') >= 0) {
			throw new InvalidAddressException(uri,
					"a WebSocket path has no query, fragment, blanks or empty segments, for example /comm");
		}
		return path;
	}

}
