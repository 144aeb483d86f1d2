package dev.comm.autoconfigure.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CompletableFuture;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST <comm.http.path>/<route>}: the JSON body is the payload, the reply's JSON
 * the response. With {@code ?throw=true} or the header {@code Comm-Throw: true} the call
 * is a throw, answered 202 once handed over. A body over {@code comm.max-frame-size} is
 * refused with 413 before it is read whole.
 */
@RestController
final class CommHttpController {

	private static final byte[] NULL = "null".getBytes();

	private final CommHttpBridge bridge;

	private final int maxBodySize;

	CommHttpController(CommHttpBridge bridge, int maxBodySize) {
		this.bridge = bridge;
		this.maxBodySize = maxBodySize;
	}

	@PostMapping("${comm.http.path}/{route}")
	CompletableFuture<ResponseEntity<Object>> call(@PathVariable String route,
			@RequestParam(name = "throw", defaultValue = "false") boolean throwParameter,
			@RequestHeader(name = "Comm-Throw", defaultValue = "false") boolean throwHeader, HttpServletRequest request)
			throws IOException {
		byte[] body = readBody(request);
		if (body == null) {
			return CompletableFuture
				.completedFuture(HttpProblems.problem(HttpStatus.CONTENT_TOO_LARGE, "requester-fault", null, route,
						"The body is larger than comm.max-frame-size (" + this.maxBodySize + " bytes)"));
		}
		byte[] payload = (body.length == 0) ? NULL : body;
		if (throwParameter || throwHeader) {
			return this.bridge.send(route, payload)
				.<ResponseEntity<Object>>thenApply((sent) -> ResponseEntity.accepted().build())
				.exceptionally((failure) -> HttpProblems.of(route, failure));
		}
		return this.bridge.request(route, payload)
			.<ResponseEntity<Object>>thenApply(
					(reply) -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(reply))
			.exceptionally((failure) -> HttpProblems.of(route, failure));
	}

	/** The body, or {@code null} when it is over the limit. */
	private byte[] readBody(HttpServletRequest request) throws IOException {
		long declared = request.getContentLengthLong();
		if (declared > this.maxBodySize) {
			return null;
		}
		try (InputStream in = request.getInputStream()) {
			byte[] body = in.readNBytes(this.maxBodySize + 1);
			return (body.length > this.maxBodySize) ? null : body;
		}
	}

}
