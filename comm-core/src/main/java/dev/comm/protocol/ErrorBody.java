package dev.comm.protocol;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.comm.CommErrorKind;
import dev.comm.CommNoRouteException;
import dev.comm.CommRemoteException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON body of an error response: {@code {"code": int|null, "message": "..."}}, plus
 * {@code "error": "<kind>"} when both sides agreed on {@link Features#ERROR_TYPE}. Error
 * bodies are always JSON, whatever the payload format.
 *
 * @param kind the kind of error
 * @param code the handler's code, or {@code null}
 * @param message a message for the caller
 */
public record ErrorBody(CommErrorKind kind, Integer code, String message) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** communica's wording for an unknown route; a comm peer writes the same. */
	private static final Pattern NO_ROUTE = Pattern.compile("Route \"(.*)\" is not defined");

	public static ErrorBody noRoute(String route) {
		return new ErrorBody(CommErrorKind.NO_ROUTE, null, "Route \"" + route + "\" is not defined");
	}

	/**
	 * Encode for the wire.
	 * @param withErrorType whether the peer agreed on the error-type extension
	 * @return the JSON bytes
	 */
	public byte[] encode(boolean withErrorType) {
		Map<String, Object> fields = new LinkedHashMap<>();
		if (this.kind != CommErrorKind.BAD_PAYLOAD) {
			fields.put("code", this.code);
		}
		fields.put("message", this.message);
		if (withErrorType) {
			fields.put("error", this.kind.wireName());
		}
		return JSON.writeValueAsBytes(fields);
	}

	/**
	 * Turn an error response into the exception its caller receives.
	 * @param type the response type
	 * @param body the response payload
	 * @param route the route of the request
	 * @return the exception
	 */
	public static CommRemoteException toException(int type, byte[] body, String route) {
		Map<?, ?> fields = parse(body);
		String message = (fields.get("message") != null) ? String.valueOf(fields.get("message"))
				: new String(body, StandardCharsets.UTF_8);
		Integer code = (fields.get("code") instanceof Number number) ? number.intValue() : null;
		CommErrorKind kind = (fields.get("error") instanceof String name) ? CommErrorKind.fromWireName(name) : null;
		if (kind == null) {
			kind = kindOf(type, code, message);
		}
		if (kind == CommErrorKind.NO_ROUTE) {
			return new CommNoRouteException(route, message);
		}
		return new CommRemoteException(kind, code, route, message);
	}

	private static CommErrorKind kindOf(int type, Integer code, String message) {
		return switch (type) {
			case MessageType.REQUESTER_FAULT -> {
				Matcher matcher = NO_ROUTE.matcher(message);
				yield (code == null && matcher.matches()) ? CommErrorKind.NO_ROUTE : CommErrorKind.REQUESTER_FAULT;
			}
			case MessageType.BAD_PAYLOAD -> CommErrorKind.BAD_PAYLOAD;
			case MessageType.HANDLER_ERROR -> CommErrorKind.HANDLER_FAILED;
			default -> CommErrorKind.RESPONDER_FAULT;
		};
	}

	private static Map<?, ?> parse(byte[] body) {
		try {
			Map<?, ?> fields = JSON.readValue(body, Map.class);
			return (fields != null) ? fields : Map.of();
		}
		catch (JacksonException ex) {
			return Map.of();
		}
	}

}
