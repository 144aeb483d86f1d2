package dev.comm.protocol;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The first frame each side writes. A communica client sends {@code {"client_id": ...}},
 * a communica server {@code {"hello": "hello"}}; a comm peer adds a {@code "comm"} object
 * that lists the protocol extensions it understands. communica reads only
 * {@code client_id} and ignores the rest, so the extra key is safe to send to it.
 *
 * @param fields the hello's JSON object
 */
public record Hello(Map<String, Object> fields) implements Frame {

	/** Key under which a comm peer announces itself. */
	public static final String COMM_KEY = "comm";

	/** Member of the {@code comm} object that carries a client's credentials. */
	public static final String AUTH_KEY = "auth";

	private static final String BEARER = "bearer";

	/** The comm protocol version this code speaks. */
	public static final int COMM_VERSION = 1;

	public Hello {
		fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
	}

	/**
	 * The hello a client writes.
	 * @param clientId the stable client id
	 * @param features the comm extensions to announce
	 * @return the hello
	 */
	public static Hello client(String clientId, Set<String> features) {
		return client(clientId, features, null);
	}

	/**
	 * The hello a client writes, with credentials.
	 * @param clientId the stable client id
	 * @param features the comm extensions to announce
	 * @param auth the credentials for the {@code comm} object's {@code auth} member, or
	 * {@code null} for none
	 * @return the hello
	 */
	public static Hello client(String clientId, Set<String> features, Map<String, Object> auth) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("client_id", clientId);
		Map<String, Object> comm = comm(features);
		if (auth != null) {
			comm.put(AUTH_KEY, auth);
		}
		fields.put(COMM_KEY, comm);
		return new Hello(fields);
	}

	/**
	 * The bearer token in the {@code comm} object's {@code auth} member:
	 * {@code {"scheme": "bearer", "token": "..."}}.
	 * @return the token, or {@code null} when the hello carries none
	 */
	public String bearerToken() {
		if (this.fields.get(COMM_KEY) instanceof Map<?, ?> comm && comm.get(AUTH_KEY) instanceof Map<?, ?> auth
				&& BEARER.equals(auth.get("scheme")) && auth.get("token") instanceof String token) {
			return token;
		}
		return null;
	}

	/**
	 * The {@code auth} member for a bearer token.
	 * @param token the token
	 * @return the member's value
	 */
	public static Map<String, Object> bearer(String token) {
		Map<String, Object> auth = new LinkedHashMap<>();
		auth.put("scheme", BEARER);
		auth.put("token", token);
		return auth;
	}

	/**
	 * The hello a server writes.
	 * @param features the comm extensions to announce
	 * @return the hello
	 */
	public static Hello server(Set<String> features) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("hello", "hello");
		fields.put(COMM_KEY, comm(features));
		return new Hello(fields);
	}

	private static Map<String, Object> comm(Set<String> features) {
		Map<String, Object> comm = new LinkedHashMap<>();
		comm.put("version", COMM_VERSION);
		comm.put("features", List.copyOf(features));
		return comm;
	}

	/**
	 * The client id, or {@code null} when the hello has none (or it is not a string).
	 * @return the client id
	 */
	public String clientId() {
		return (this.fields.get("client_id") instanceof String id) ? id : null;
	}

	/**
	 * The comm extensions the peer announced; empty for a communica peer.
	 * @return the announced features
	 */
	public Set<String> features() {
		if (this.fields.get(COMM_KEY) instanceof Map<?, ?> comm && comm.get("features") instanceof List<?> list) {
			return list.stream()
				.filter(String.class::isInstance)
				.map(String.class::cast)
				.collect(java.util.stream.Collectors.toUnmodifiableSet());
		}
		return Set.of();
	}

	/**
	 * This hello with one more member in its {@code comm} object.
	 * @param key the member's name
	 * @param value its value
	 * @return the new hello
	 */
	public Hello withComm(String key, Object value) {
		Map<String, Object> comm = (this.fields.get(COMM_KEY) instanceof Map<?, ?> existing)
				? new LinkedHashMap<>(castKeys(existing)) : new LinkedHashMap<>();
		comm.put(key, value);
		Map<String, Object> fields = new LinkedHashMap<>(this.fields);
		fields.put(COMM_KEY, comm);
		return new Hello(fields);
	}

	/**
	 * A member of the {@code comm} object.
	 * @param key the member's name
	 * @return its value, or {@code null} when the hello has no such member
	 */
	public Object comm(String key) {
		return (this.fields.get(COMM_KEY) instanceof Map<?, ?> comm) ? comm.get(key) : null;
	}

	private static Map<String, Object> castKeys(Map<?, ?> map) {
		Map<String, Object> copy = new LinkedHashMap<>();
		map.forEach((key, value) -> copy.put(String.valueOf(key), value));
		return copy;
	}

	/**
	 * The hello for logs: credentials are left out.
	 * @return a description
	 */
	@Override
	public String toString() {
		if (this.fields.get(COMM_KEY) instanceof Map<?, ?> comm && comm.containsKey(AUTH_KEY)) {
			Map<Object, Object> masked = new LinkedHashMap<>(comm);
			masked.put(AUTH_KEY, "(hidden)");
			Map<String, Object> shown = new LinkedHashMap<>(this.fields);
			shown.put(COMM_KEY, masked);
			return "Hello[fields=" + shown + "]";
		}
		return "Hello[fields=" + this.fields + "]";
	}

	/**
	 * Whether the peer is a comm peer rather than a plain communica one.
	 * @return whether the hello carries the comm key
	 */
	public boolean isComm() {
		return this.fields.get(COMM_KEY) instanceof Map;
	}

}
