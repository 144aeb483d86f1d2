package dev.comm.internal.handler.advice;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.comm.RequesterFaultException;
import dev.comm.ResponderFaultException;
import dev.comm.handler.CommMessage;
import dev.comm.internal.handler.HandlerExceptionMapper;

/**
 * Maps a handler's exception with the handler bean's own exception handlers first, then
 * with the advice beans in order; the first that has a method for the exception's type
 * decides. An exception handler that does not come up with a fault is logged and the
 * original exception is reported, as if no handler existed.
 */
public final class AdvisedExceptionMapper implements HandlerExceptionMapper {

	private static final Logger logger = LoggerFactory.getLogger(AdvisedExceptionMapper.class);

	private final List<ExceptionHandlerMethods> chain;

	/**
	 * Create a mapper.
	 * @param own the handler bean's own exception handlers
	 * @param advice the advice beans' exception handlers, in order
	 */
	public AdvisedExceptionMapper(ExceptionHandlerMethods own, List<ExceptionHandlerMethods> advice) {
		List<ExceptionHandlerMethods> chain = new ArrayList<>();
		chain.add(own);
		chain.addAll(advice);
		this.chain = chain.stream().filter((methods) -> !methods.isEmpty()).toList();
	}

	/**
	 * Whether any exception handler could apply; without one the mapper is not worth
	 * installing.
	 * @return whether there is an exception handler
	 */
	public boolean isEmpty() {
		return this.chain.isEmpty();
	}

	@Override
	public Throwable map(Throwable exception, CommMessage message) {
		ExceptionHandlerMethod handler = find(exception.getClass());
		if (handler == null) {
			return exception;
		}
		Object result = handler.invoke(exception, message);
		if (result instanceof RequesterFaultException || result instanceof ResponderFaultException) {
			logger.debug("Exception handler {} mapped {} for '{}'", handler, exception, message.getRoute());
			return (Throwable) result;
		}
		logger.error(
				"Exception handler {} for '{}' gave {} instead of a RequesterFaultException or "
						+ "ResponderFaultException; reporting the original exception",
				handler, message.getRoute(), (result instanceof Throwable) ? result.toString() : "'" + result + "'",
				(result instanceof Throwable thrown) ? thrown : null);
		return exception;
	}

	private ExceptionHandlerMethod find(Class<? extends Throwable> exceptionClass) {
		for (ExceptionHandlerMethods methods : this.chain) {
			ExceptionHandlerMethod handler = methods.find(exceptionClass);
			if (handler != null) {
				return handler;
			}
		}
		return null;
	}

}
