package dev.comm.address;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Where a comm peer listens or connects, written as a URI: {@code tcp://host:port},
 * {@code unix:///absolute/path.sock}, {@code local://name} (communica's local name, a
 * unix socket in the temporary directory), {@code inproc://name},
 * {@code ws://host:port/path} (or {@code ws:/path} for a listener mounted on the
 * application's own HTTP server),
 * {@code amqp://user:pass@host:port/vhost?service=orders}. {@link #parse(String)} and
 * {@link #format()} round-trip, so an address can be handed to another process as a
 * string. {@link #toString()} is the same text with any password masked, so that logging
 * an address never leaks a secret. A string without a scheme is a TCP address
 * ({@code 127.0.0.1:7070}).
 *
 * @param scheme the lower-case scheme
 * @param host the host for network schemes (IPv6 without brackets) or the name for
 * {@code inproc} and {@code local}; {@code null} for {@code unix} and for a host-less
 * {@code ws:/path}
 * @param port the port for network schemes, {@code -1} otherwise
 * @param path the socket path for {@code unix} and {@code local}, the HTTP path for
 * {@code ws} and {@code wss}, the virtual host for {@code amqp} and {@code amqps},
 * {@code null} otherwise
 * @param userInfo the decoded {@code user} or {@code user:password} of an {@code amqp}
 * address, {@code null} when there is none
 * @param parameters the decoded query parameters of an {@code amqp} address, in order;
 * empty for other schemes
 */
public record CommAddress(String scheme, String host, int port, String path, String userInfo,
		Map<String, String> parameters) {

	/** The scheme assumed when an address has none. */
	public static final String DEFAULT_SCHEME = "tcp";

	/** The schemes whose address syntax comm understands. */
	public static final List<String> KNOWN_SCHEMES = List.of("tcp", "tls", "unix", "local", "inproc", "ws", "wss",
			"amqp", "amqps");

	private static final String SEPARATOR = "://";

	public CommAddress {
		Objects.requireNonNull(scheme, "scheme");
		parameters = (parameters != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(parameters)) : Map.of();
	}

	/**
	 * An address without user info or parameters.
	 * @param scheme the lower-case scheme
	 * @param host the host or name
	 * @param port the port, {@code -1} when none
	 * @param path the path, or {@code null}
	 */
	public CommAddress(String scheme, String host, int port, String path) {
		this(scheme, host, port, path, null, Map.of());
	}

	public static CommAddress tcp(String host, int port) {
		return new CommAddress("tcp", host, port, null);
	}

	public static CommAddress unix(String path) {
		return new CommAddress("unix", null, -1, path);
	}

	public static CommAddress inproc(String name) {
		return new CommAddress("inproc", name, -1, null);
	}

	/**
	 * A WebSocket address.
	 * @param secure whether it is {@code wss}
	 * @param host the host, or {@code null} for a listener on the application's own HTTP
	 * server
	 * @param port the port, {@code -1} when there is no host
	 * @param path the HTTP path, starting with {@code /}
	 * @return the address
	 */
	public static CommAddress ws(boolean secure, String host, int port, String path) {
		return new CommAddress(secure ? "wss" : "ws", host, port, path);
	}

	/**
	 * Parse an address URI.
	 * @param uri the address, for example {@code tcp://[::1]:7070} or
	 * {@code unix:///run/a.sock}
	 * @return the address
	 * @throws InvalidAddressException if the string is not a valid comm address
	 */
	public static CommAddress parse(String uri) {
		if (uri == null || uri.isBlank()) {
			throw new InvalidAddressException(uri, "an address is required, for example tcp://127.0.0.1:7070");
		}
		String text = uri.strip();
		CommAddress hostless = WebSocketAddresses.parseHostless(uri, text);
		if (hostless != null) {
			return hostless;
		}
		int separator = text.indexOf(SEPARATOR);
		String scheme = (separator < 0) ? DEFAULT_SCHEME : text.substring(0, separator).toLowerCase(Locale.ROOT);
		String rest = (separator < 0) ? text : text.substring(separator + SEPARATOR.length());
		return switch (scheme) {
			case "tcp", "tls" -> parseHostPort(uri, scheme, rest);
			case "unix" -> parseUnix(uri, rest);
			case LocalAddresses.SCHEME -> LocalAddresses.parse(uri, rest);
			case "inproc" -> parseInproc(uri, rest);
			case "ws", "wss" -> WebSocketAddresses.parse(uri, scheme, rest);
			case "amqp", "amqps" -> AmqpAddressSyntax.parse(uri, scheme, rest);
			default -> throw new InvalidAddressException(uri,
					"unknown scheme '" + scheme + "'; known schemes are " + KNOWN_SCHEMES);
		};
	}

	static CommAddress parseHostPort(String uri, String scheme, String rest) {
		String host;
		String portText;
		if (rest.startsWith("[")) {
			int close = rest.indexOf(']');
			if (close < 0 || close + 1 >= rest.length() || rest.charAt(close + 1) != ':') {
				throw new InvalidAddressException(uri, "an IPv6 host is written [host]:port");
			}
			host = rest.substring(1, close);
			portText = rest.substring(close + 2);
		}
		else {
			int colon = rest.lastIndexOf(':');
			if (colon < 0) {
				throw new InvalidAddressException(uri,
						"a port is required, for example " + scheme + "://" + rest + ":7070");
			}
			host = rest.substring(0, colon);
			if (host.contains(":")) {
				throw new InvalidAddressException(uri, "write an IPv6 host in brackets: " + scheme + "://[host]:port");
			}
			portText = rest.substring(colon + 1);
		}
		if (host.isEmpty() || host.contains("/")) {
			throw new InvalidAddressException(uri, "the host is missing or contains '/'");
		}
		return new CommAddress(scheme, host, parsePort(uri, portText), null);
	}

	private static int parsePort(String uri, String text) {
		try {
			int port = Integer.parseInt(text);
			if (port >= 0 && port <= 65535) {
				return port;
			}
		}
		catch (NumberFormatException ex) {
			// fall through to the shared message
		}
		throw new InvalidAddressException(uri, "the port must be a number from 0 to 65535, not '" + text + "'");
	}

	private static CommAddress parseUnix(String uri, String rest) {
		if (!rest.startsWith("/")) {
			throw new InvalidAddressException(uri, "a unix socket path must be absolute: unix:///path/to/file.sock");
		}
		if (rest.length() == 1) {
			throw new InvalidAddressException(uri, "the unix socket path is missing");
		}
		return unix(rest);
	}

	private static CommAddress parseInproc(String uri, String rest) {
		if (rest.isEmpty() || rest.contains("/")) {
			throw new InvalidAddressException(uri, "an in-process address is inproc://name, with no '/' in the name");
		}
		return inproc(rest);
	}

	/**
	 * A query parameter of the address.
	 * @param name the parameter name
	 * @return its value, or {@code null} when the address has none
	 */
	public String parameter(String name) {
		return this.parameters.get(name);
	}

	/**
	 * A copy of this address with one query parameter set.
	 * @param name the parameter name
	 * @param value its value
	 * @return the new address
	 */
	public CommAddress withParameter(String name, String value) {
		Map<String, String> changed = new LinkedHashMap<>(this.parameters);
		changed.put(name, value);
		return new CommAddress(this.scheme, this.host, this.port, this.path, this.userInfo, changed);
	}

	/**
	 * The full address, password included, in the form {@link #parse(String)} reads back.
	 * Hand this to another process; log {@link #toString()} instead.
	 * @return the address URI
	 */
	public String format() {
		return format(false);
	}

	/**
	 * The address with any password replaced by {@code ****}: safe to log.
	 * @return the address URI without secrets
	 */
	@Override
	public String toString() {
		return format(true);
	}

	private String format(boolean maskPassword) {
		return switch (this.scheme) {
			case "unix" -> "unix://" + this.path;
			case "inproc" -> "inproc://" + this.host;
			case LocalAddresses.SCHEME -> LocalAddresses.SCHEME + SEPARATOR + this.host;
			case "ws", "wss" ->
				(this.host != null) ? this.scheme + SEPARATOR + authority() + this.path : this.scheme + ":" + this.path;
			case "amqp", "amqps" -> AmqpAddressSyntax.format(this, maskPassword);
			default -> this.scheme + SEPARATOR + authority();
		};
	}

	/**
	 * The host and port as a URI authority, an IPv6 host in brackets.
	 * @return {@code host:port}
	 */
	String authority() {
		return (this.host.contains(":") ? "[" + this.host + "]" : this.host) + ":" + this.port;
	}

}
