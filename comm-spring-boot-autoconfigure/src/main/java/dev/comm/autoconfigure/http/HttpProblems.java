package dev.comm.autoconfigure.http;

import java.util.concurrent.CompletionException;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import dev.comm.CommConnectionLostException;
import dev.comm.CommErrorKind;
import dev.comm.CommException;
import dev.comm.CommRemoteException;
import dev.comm.CommTimeoutException;

/**
 * How a call's failure reads over HTTP: an RFC 9457 problem with comm's kind and code,
 * under the status that fits: no route 404, requester fault 400, bad payload 422, handler
 * failed 500, responder fault 503, timeout 504.
 */
final class HttpProblems {

	private HttpProblems() {
	}

	static ResponseEntity<Object> of(String route, Throwable failure) {
		Throwable cause = (failure instanceof CompletionException && failure.getCause() != null) ? failure.getCause()
				: failure;
		if (cause instanceof CommRemoteException remote) {
			return problem(status(remote.getKind()), remote.getKind().wireName(), remote.getCode(), route,
					remote.getRemoteMessage());
		}
		if (cause instanceof CommTimeoutException) {
			return problem(HttpStatus.GATEWAY_TIMEOUT, "timeout", null, route, cause.getMessage());
		}
		if (cause instanceof CommConnectionLostException) {
			return problem(HttpStatus.SERVICE_UNAVAILABLE, "connection-lost", null, route, cause.getMessage());
		}
		if (cause instanceof CommException) {
			return problem(HttpStatus.BAD_REQUEST, "requester-fault", null, route, cause.getMessage());
		}
		throw (cause instanceof RuntimeException unexpected) ? unexpected : new IllegalStateException(cause);
	}

	static ResponseEntity<Object> problem(HttpStatus status, String kind, Integer code, String route, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setProperty("kind", kind);
		problem.setProperty("code", code);
		problem.setProperty("route", route);
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private static HttpStatus status(CommErrorKind kind) {
		return switch (kind) {
			case NO_ROUTE -> HttpStatus.NOT_FOUND;
			case REQUESTER_FAULT -> HttpStatus.BAD_REQUEST;
			case BAD_PAYLOAD -> HttpStatus.UNPROCESSABLE_CONTENT;
			case HANDLER_FAILED -> HttpStatus.INTERNAL_SERVER_ERROR;
			case RESPONDER_FAULT -> HttpStatus.SERVICE_UNAVAILABLE;
		};
	}

}
