package dev.comm.address;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code amqp://user:pass@host:port/vhost?service=name} syntax, kept apart from
 * {@link CommAddress} because only the broker schemes have user info, a virtual host and
 * query parameters. Error messages never repeat a password.
 */
final class AmqpAddressSyntax {

	/** Query parameters an AMQP address may carry. */
	static final List<String> PARAMETERS = List.of("service", "broadcast", "protocol", "client");

	/**
	 * Values of the {@code protocol} parameter: comm's own mapping, or communica's
	 * RmqConnector.
	 */
	static final List<String> PROTOCOLS = List.of("comm", "communica");

	/** The virtual host of an address whose path is empty or {@code /}. */
	static final String DEFAULT_VHOST = "/";

	private static final String MASK = "****";

	private AmqpAddressSyntax() {
	}

	static CommAddress parse(String uri, String scheme, String rest) {
		String safeUri = mask(uri);
		int authorityEnd = indexOfAny(rest, "/?");
		String authority = (authorityEnd < 0) ? rest : rest.substring(0, authorityEnd);
		String tail = (authorityEnd < 0) ? "" : rest.substring(authorityEnd);
		int at = authority.lastIndexOf('@');
		String userInfo = (at < 0) ? null : decode(safeUri, authority.substring(0, at));
		String hostPort = authority.substring(at + 1);
		if (!hostPort.endsWith("]") && hostPort.lastIndexOf(':') < 0) {
			hostPort = hostPort + ":" + defaultPort(scheme);
		}
		else if (hostPort.startsWith("[") && hostPort.endsWith("]")) {
			hostPort = hostPort + ":" + defaultPort(scheme);
		}
		CommAddress hostAndPort = CommAddress.parseHostPort(safeUri, scheme, hostPort);
		int question = tail.indexOf('?');
		String path = (question < 0) ? tail : tail.substring(0, question);
		String query = (question < 0) ? "" : tail.substring(question + 1);
		return new CommAddress(scheme, hostAndPort.host(), hostAndPort.port(), vhost(safeUri, path), userInfo,
				parameters(safeUri, query));
	}

	private static int defaultPort(String scheme) {
		return "amqps".equals(scheme) ? 5671 : 5672;
	}

	private static String vhost(String safeUri, String path) {
		if (path.isEmpty() || path.equals("/")) {
			return DEFAULT_VHOST;
		}
		String raw = path.substring(1);
		if (raw.contains("/")) {
			throw new InvalidAddressException(safeUri, "write a '/' inside the virtual host as %2F");
		}
		return decode(safeUri, raw);
	}

	private static Map<String, String> parameters(String safeUri, String query) {
		Map<String, String> parameters = new LinkedHashMap<>();
		if (query.isEmpty()) {
			return parameters;
		}
		for (String pair : query.split("&", -1)) {
			int equals = pair.indexOf('=');
			String name = (equals < 0) ? pair : pair.substring(0, equals);
			String value = (equals < 0) ? "" : decode(safeUri, pair.substring(equals + 1));
			if (!PARAMETERS.contains(name)) {
				throw new InvalidAddressException(safeUri,
						"unknown parameter '" + name + "'; an AMQP address takes " + PARAMETERS);
			}
			if (value.isEmpty()) {
				throw new InvalidAddressException(safeUri, "parameter '" + name + "' needs a value");
			}
			if (name.equals("protocol") && !PROTOCOLS.contains(value)) {
				throw new InvalidAddressException(safeUri,
						"unknown protocol '" + value + "'; an AMQP address speaks one of " + PROTOCOLS);
			}
			if (parameters.putIfAbsent(name, value) != null) {
				throw new InvalidAddressException(safeUri, "parameter '" + name + "' is given twice");
			}
		}
		return parameters;
	}

	static String format(CommAddress address, boolean maskPassword) {
		StringBuilder uri = new StringBuilder(address.scheme()).append("://");
		String userInfo = address.userInfo();
		if (userInfo != null) {
			int colon = userInfo.indexOf(':');
			if (colon < 0) {
				uri.append(encode(userInfo));
			}
			else {
				uri.append(encode(userInfo.substring(0, colon)))
					.append(':')
					.append(maskPassword ? MASK : encode(userInfo.substring(colon + 1)));
			}
			uri.append('@');
		}
		uri.append(address.authority()).append('/');
		String vhost = (address.path() != null) ? address.path() : DEFAULT_VHOST;
		if (!vhost.equals(DEFAULT_VHOST)) {
			uri.append(encode(vhost));
		}
		char separator = '?';
		for (Map.Entry<String, String> parameter : address.parameters().entrySet()) {
			uri.append(separator).append(parameter.getKey()).append('=').append(encode(parameter.getValue()));
			separator = '&';
		}
		return uri.toString();
	}

	/**
	 * The URI with the password between {@code user:} and {@code @} masked, for error
	 * messages.
	 */
	static String mask(String uri) {
		int start = uri.indexOf("://");
		if (start < 0) {
			return uri;
		}
		int authorityEnd = indexOfAny(uri.substring(start + 3), "/?");
		String authority = (authorityEnd < 0) ? uri.substring(start + 3)
				: uri.substring(start + 3, start + 3 + authorityEnd);
		int at = authority.lastIndexOf('@');
		int colon = authority.indexOf(':');
		if (at < 0 || colon < 0 || colon > at) {
			return uri;
		}
		return uri.substring(0, start + 3) + authority.substring(0, colon + 1) + MASK + uri.substring(start + 3 + at);
	}

	private static int indexOfAny(String text, String characters) {
		for (int i = 0; i < text.length(); i++) {
			if (characters.indexOf(text.charAt(i)) >= 0) {
				return i;
			}
		}
		return -1;
	}

	private static String encode(String text) {
		StringBuilder encoded = new StringBuilder();
		for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
			char c = (char) (b & 0xFF);
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
				encoded.append(c);
			}
			else {
				encoded.append('%').append(String.format("%02X", b & 0xFF));
			}
		}
		return encoded.toString();
	}

	private static String decode(String safeUri, String text) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '%') {
				if (i + 2 >= text.length()) {
					throw new InvalidAddressException(safeUri, "a '%' must be followed by two hex digits");
				}
				int high = Character.digit(text.charAt(i + 1), 16);
				int low = Character.digit(text.charAt(i + 2), 16);
				if (high < 0 || low < 0) {
					throw new InvalidAddressException(safeUri, "a '%' must be followed by two hex digits");
				}
				bytes.write(high * 16 + low);
				i += 2;
			}
			else {
				int end = i + Character.charCount(text.codePointAt(i));
				byte[] encoded = text.substring(i, end).getBytes(StandardCharsets.UTF_8);
				bytes.write(encoded, 0, encoded.length);
				i = end - 1;
			}
		}
		return bytes.toString(StandardCharsets.UTF_8);
	}

}
