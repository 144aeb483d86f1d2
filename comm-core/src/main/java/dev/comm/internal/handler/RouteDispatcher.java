package dev.comm.internal.handler;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.comm.CommErrorKind;
import dev.comm.RequesterFaultException;
import dev.comm.ResponderFaultException;
import dev.comm.codec.PayloadCodec;
import dev.comm.codec.PayloadConversionException;
import dev.comm.handler.CommMessage;
import dev.comm.internal.client.LinkPeer;
import dev.comm.internal.client.TargetResources;
import dev.comm.internal.session.InboundHandler;
import dev.comm.internal.session.InboundMessage;
import dev.comm.internal.session.Outcome;
import dev.comm.internal.stream.StreamHandler;
import dev.comm.internal.stream.StreamReply;
import dev.comm.internal.stream.StreamSources;
import dev.comm.protocol.ErrorBody;

/**
 * Serves inbound messages with the {@link RouteTable}: converts the payload to the
 * handler's parameter type, calls it, and turns its result or exception into the reply.
 * Handler failures of throws have no one to report to, so they are logged and counted.
 */
public final class RouteDispatcher implements InboundHandler, StreamHandler {

	private static final Logger logger = LoggerFactory.getLogger(RouteDispatcher.class);

	private final RouteTable routes;

	private final TargetResources support;

	private final Duration callbackTimeout;

	private final HandlerFailures failures;

	private final AtomicLong failedThrows = new AtomicLong();

	/**
	 * Create a dispatcher that tells callers no details of unexpected handler failures.
	 * @param routes the route table
	 * @param support payload conversion and executors, also for calls back to the caller
	 * @param callbackTimeout the request timeout of calls a handler makes back to its
	 * caller
	 */
	public RouteDispatcher(RouteTable routes, TargetResources support, Duration callbackTimeout) {
		this(routes, support, callbackTimeout, HandlerFailures.WITHOUT_DETAILS);
	}

	/**
	 * Create a dispatcher.
	 * @param routes the route table
	 * @param support payload conversion and executors, also for calls back to the caller
	 * @param callbackTimeout the request timeout of calls a handler makes back to its
	 * caller
	 * @param failures what callers are told of unexpected handler failures
	 */
	public RouteDispatcher(RouteTable routes, TargetResources support, Duration callbackTimeout,
			HandlerFailures failures) {
		this.routes = routes;
		this.support = support;
		this.callbackTimeout = callbackTimeout;
		this.failures = failures;
	}

	@Override
	public Executor executorFor(InboundMessage message, Executor handlerExecutor) {
		HandlerMethod handler = this.routes.find(message.route());
		return (handler != null && handler.isNonBlocking()) ? Runnable::run : handlerExecutor;
	}

	@Override
	public CompletableFuture<Outcome> handle(InboundMessage inbound) {
		String route = inbound.route();
		HandlerMethod handler = this.routes.find(route);
		if (handler == null) {
			return failed(inbound, ErrorBody.noRoute(route), null);
		}
		if (handler.isStreaming()) {
			return failed(inbound, new ErrorBody(CommErrorKind.REQUESTER_FAULT, null,
					"Route '" + route + "' answers with a stream of items: call it with requestStream"), null);
		}
		PayloadCodec codec = this.support.codec();
		CommMessage message = new CommMessage(route, inbound.isThrow(), inbound.payload(),
				new LinkPeer(inbound.link(), this.support, this.callbackTimeout), codec);
		Object[] arguments;
		try {
			arguments = handler.resolveArguments(message);
		}
		catch (PayloadConversionException ex) {
			return failed(inbound, new ErrorBody(CommErrorKind.BAD_PAYLOAD, null, ex.getMessage()), null);
		}
		Object result;
		try {
			result = handler.invoke(arguments);
		}
		catch (Throwable ex) {
			return failedIn(handler, inbound, message, ex);
		}
		if (result instanceof CompletionStage<?> stage) {
			return stage.toCompletableFuture()
				.handle((value, ex) -> (ex != null) ? failedIn(handler, inbound, message, unwrap(ex)).join()
						: encode(inbound, value));
		}
		return CompletableFuture.completedFuture(encode(inbound, result));
	}

	@Override
	public StreamReply open(InboundMessage inbound, Executor pullExecutor) {
		String route = inbound.route();
		HandlerMethod handler = this.routes.find(route);
		if (handler == null) {
			return StreamReply.refused(ErrorBody.noRoute(route));
		}
		CommMessage message = new CommMessage(route, false, inbound.payload(),
				new LinkPeer(inbound.link(), this.support, this.callbackTimeout), this.support.codec());
		Object result;
		try {
			result = handler.invoke(handler.resolveArguments(message));
		}
		catch (PayloadConversionException ex) {
			return StreamReply.refused(new ErrorBody(CommErrorKind.BAD_PAYLOAD, null, ex.getMessage()));
		}
		catch (Throwable ex) {
			return StreamReply.refused(failedIn(handler, inbound, message, ex).join().error());
		}
		return new StreamReply(StreamSources.of(result, pullExecutor), this.support.codec()::encode,
				(ex) -> failedIn(handler, inbound, message, unwrap(ex)).join().error(), null);
	}

	private Outcome encode(InboundMessage inbound, Object value) {
		if (inbound.isThrow()) {
			return Outcome.success(null);
		}
		try {
			return Outcome.success(this.support.codec().encode(value));
		}
		catch (PayloadConversionException ex) {
			logger.error("Cannot encode the result of '{}'", inbound.route(), ex);
			return Outcome.failure(new ErrorBody(CommErrorKind.RESPONDER_FAULT, null,
					"The handler's result could not be encoded: " + ex.getMessage()));
		}
	}

	private CompletableFuture<Outcome> failedIn(HandlerMethod handler, InboundMessage inbound, CommMessage message,
			Throwable thrown) {
		Throwable reported = handler.mapException(thrown, message);
		ErrorBody typed = typedFault(reported);
		if (typed != null || inbound.isThrow()) {
			ErrorBody error = (typed != null) ? typed
					: new ErrorBody(CommErrorKind.HANDLER_FAILED, null, "Handler for '" + inbound.route() + "' failed");
			return failed(inbound, error, reported);
		}
		// nobody else logs an unexpected failure of a request: the report does, with its
		// id
		return CompletableFuture
			.completedFuture(Outcome.failure(this.failures.report(inbound.route(), reported), reported));
	}

	private CompletableFuture<Outcome> failed(InboundMessage inbound, ErrorBody error, Throwable cause) {
		if (inbound.isThrow()) {
			this.failedThrows.incrementAndGet();
			logger.warn("Throw to '{}' from {} failed: {}", inbound.route(), inbound.link().remoteAddress(),
					error.message(), cause);
		}
		return CompletableFuture.completedFuture(Outcome.failure(error, cause));
	}

	/**
	 * The body of a fault the handler declared, whose message is meant for the caller.
	 */
	private static ErrorBody typedFault(Throwable ex) {
		if (ex instanceof RequesterFaultException fault) {
			return new ErrorBody(CommErrorKind.REQUESTER_FAULT, fault.getCode(), fault.getMessage());
		}
		if (ex instanceof ResponderFaultException fault) {
			return new ErrorBody(CommErrorKind.RESPONDER_FAULT, fault.getCode(), fault.getMessage());
		}
		return null;
	}

	private static Throwable unwrap(Throwable ex) {
		return (ex instanceof CompletionException && ex.getCause() != null) ? ex.getCause() : ex;
	}

	/**
	 * How many throws failed in their handler (or found none) since startup.
	 * @return the count
	 */
	public long getFailedThrows() {
		return this.failedThrows.get();
	}

	public RouteTable getRoutes() {
		return this.routes;
	}

}
