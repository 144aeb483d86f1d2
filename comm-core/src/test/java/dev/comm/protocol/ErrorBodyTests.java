package dev.comm.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.comm.CommErrorKind;
import dev.comm.CommNoRouteException;
import dev.comm.CommRemoteException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Error responses both ways: what communica writes (stdlib JSON spacing, no error-type
 * member) and what a comm peer writes.
 */
class ErrorBodyTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void communicaUnknownRouteTextMapsToNoRoute() {
		CommRemoteException ex = ErrorBody.toException(41,
				json("{\"code\": null, \"message\": \"Route \\\"orders.get\\\" is not defined\"}"), "orders.get");
		assertThat(ex).isInstanceOf(CommNoRouteException.class);
		assertThat(ex.getKind()).isEqualTo(CommErrorKind.NO_ROUTE);
		assertThat(ex.getCode()).isNull();
		assertThat(ex.getRoute()).isEqualTo("orders.get");
		assertThat(ex.getRemoteMessage()).isEqualTo("Route \"orders.get\" is not defined");
	}

	@Test
	void requesterFaultWithACodeMapsToRequesterFaultWithThatCode() {
		CommRemoteException ex = ErrorBody.toException(41, json("{\"code\": 404, \"message\": \"no such order\"}"),
				"orders.get");
		assertThat(ex).isNotInstanceOf(CommNoRouteException.class);
		assertThat(ex.getKind()).isEqualTo(CommErrorKind.REQUESTER_FAULT);
		assertThat(ex.getCode()).isEqualTo(404);
		assertThat(ex.getRemoteMessage()).isEqualTo("no such order");
		assertThat(ex).hasMessage("Request 'orders.get' failed remotely (requester-fault, code 404): no such order");
	}

	@Test
	void requesterFaultWithoutACodeIsStillRequesterFault() {
		CommRemoteException ex = ErrorBody.toException(41, json("{\"code\": null, \"message\": \"bad input\"}"), "r");
		assertThat(ex.getKind()).isEqualTo(CommErrorKind.REQUESTER_FAULT);
		assertThat(ex.getCode()).isNull();
	}

	@Test
	void unknownRouteTextWithACodeIsAHandlerRejectionNotAMissingRoute() {
		// only communica's own answer has no code: a handler chose this one
		CommRemoteException ex = ErrorBody.toException(41,
				json("{\"code\": 7, \"message\": \"Route \\\"x\\\" is not defined\"}"), "x");
		assertThat(ex).isNotInstanceOf(CommNoRouteException.class);
		assertThat(ex.getKind()).isEqualTo(CommErrorKind.REQUESTER_FAULT);
		assertThat(ex.getCode()).isEqualTo(7);
	}

	@Test
	void undecodableRequestMapsToBadPayload() {
		CommRemoteException ex = ErrorBody.toException(42, json("{\"message\": \"Expecting value: line 1\"}"), "r");
		assertThat(ex.getKind()).isEqualTo(CommErrorKind.BAD_PAYLOAD);
		assertThat(ex.getCode()).isNull();
		assertThat(ex.getRemoteMessage()).isEqualTo("Expecting value: line 1");
	}

	@Test
	void unhandledExceptionMapsToHandlerFailed() {
		CommRemoteException ex = ErrorBody.toException(30,
				json("{\"code\": null, \"message\": \"ZeroDivisionError: division by zero\"}"), "r");
		assertThat(ex.getKind()).isEqualTo(CommErrorKind.HANDLER_FAILED);
		assertThat(ex.getRemoteMessage()).isEqualTo("ZeroDivisionError: division by zero");
	}

	@Test
	void responderFaultWithACodeMapsToResponderFaultWithThatCode() {
		CommRemoteException ex = ErrorBody.toException(51, json("{\"code\": 503, \"message\": \"database down\"}"),
				"r");
		assertThat(ex.getKind()).isEqualTo(CommErrorKind.RESPONDER_FAULT);
		assertThat(ex.getCode()).isEqualTo(503);
	}

	@Test
	void sideWithoutHandlersAnswersAsResponderFault() {
		CommRemoteException ex = ErrorBody.toException(51,
				json("{\"code\": null, \"message\": \"Client side did not define handler for server requests\"}"), "r");
		assertThat(ex.getKind()).isEqualTo(CommErrorKind.RESPONDER_FAULT);
		assertThat(ex.getRemoteMessage()).isEqualTo("Client side did not define handler for server requests");
	}

	@Test
	void errorTypeMemberFromACommPeerDecidesTheKind() {
		CommRemoteException ex = ErrorBody.toException(41,
				json("{\"code\":null,\"message\":\"anything\",\"error\":\"no-route\"}"), "r");
		assertThat(ex).isInstanceOf(CommNoRouteException.class);
		CommRemoteException failed = ErrorBody.toException(51,
				json("{\"code\":null,\"message\":\"m\",\"error\":\"handler-failed\"}"), "r");
		assertThat(failed.getKind()).isEqualTo(CommErrorKind.HANDLER_FAILED);
	}

	@Test
	void unknownErrorTypeFallsBackToTheResponseType() {
		CommRemoteException ex = ErrorBody.toException(30,
				json("{\"code\":null,\"message\":\"m\",\"error\":\"from-the-future\"}"), "r");
		assertThat(ex.getKind()).isEqualTo(CommErrorKind.HANDLER_FAILED);
	}

	@Test
	void bodyThatIsNotJsonBecomesTheMessage() {
		CommRemoteException ex = ErrorBody.toException(51, json("it broke"), "r");
		assertThat(ex.getKind()).isEqualTo(CommErrorKind.RESPONDER_FAULT);
		assertThat(ex.getRemoteMessage()).isEqualTo("it broke");
		assertThat(ex.getCode()).isNull();
	}

	@Test
	void noRouteIsWrittenInCommunicaWordsWithANullCode() {
		ErrorBody body = ErrorBody.noRoute("orders.get");
		assertThat(body.kind()).isEqualTo(CommErrorKind.NO_ROUTE);
		assertThat(body.kind().messageType()).isEqualTo(MessageType.REQUESTER_FAULT);
		assertThat(parse(body.encode(false))).containsExactly(entry("code", null),
				entry("message", "Route \"orders.get\" is not defined"));
	}

	@Test
	void errorTypeMemberIsWrittenOnlyWhenBothSidesAgreedOnIt() {
		ErrorBody body = new ErrorBody(CommErrorKind.RESPONDER_FAULT, 503, "database down");
		assertThat(parse(body.encode(false))).containsOnlyKeys("code", "message");
		assertThat(parse(body.encode(true))).containsEntry("error", "responder-fault")
			.containsEntry("code", 503)
			.containsEntry("message", "database down");
	}

	@Test
	void badPayloadIsWrittenWithoutACodeLikeCommunicaDoes() {
		ErrorBody body = new ErrorBody(CommErrorKind.BAD_PAYLOAD, null, "not a point");
		assertThat(parse(body.encode(false))).containsOnlyKeys("message");
	}

	@ParameterizedTest
	@EnumSource(CommErrorKind.class)
	void everyKindSurvivesTheRoundTripToACommPeer(CommErrorKind kind) {
		Integer code = (kind == CommErrorKind.NO_ROUTE || kind == CommErrorKind.BAD_PAYLOAD) ? null : 12;
		ErrorBody body = new ErrorBody(kind, code, "message of " + kind);
		CommRemoteException ex = ErrorBody.toException(kind.messageType(), body.encode(true), "r");
		assertThat(ex.getKind()).isEqualTo(kind);
		assertThat(ex.getCode()).isEqualTo(code);
		assertThat(ex.getRemoteMessage()).isEqualTo("message of " + kind);
	}

	@ParameterizedTest
	@EnumSource(CommErrorKind.class)
	void everyKindSurvivesTheRoundTripToACommunicaPeerThroughTheResponseTypeAlone(CommErrorKind kind) {
		// without the error-type member only
		// communica's own wording marks a missing route
		ErrorBody body = (kind == CommErrorKind.NO_ROUTE) ? ErrorBody.noRoute("r")
				: new ErrorBody(kind, null, "message of " + kind);
		assertThat(ErrorBody.toException(kind.messageType(), body.encode(false), "r").getKind()).isEqualTo(kind);
	}

	private static byte[] json(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> parse(byte[] json) {
		return JSON.readValue(json, Map.class);
	}

}
