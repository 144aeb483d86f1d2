package dev.comm.autoconfigure;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;

import dev.comm.handler.advice.CommAdvice;
import dev.comm.internal.handler.HandlerExceptionMapper;
import dev.comm.internal.handler.advice.AdvisedExceptionMapper;
import dev.comm.internal.handler.advice.ExceptionHandlerMethods;

/**
 * Builds the exception mapper of each handler bean from its own
 * {@code @CommExceptionHandler} methods and those of the {@link CommAdvice} beans, sorted
 * by {@code @Order}/{@code Ordered}. Used once, at registration, so a wrong declaration
 * fails startup.
 */
final class CommExceptionHandlers {

	private final List<ExceptionHandlerMethods> advice;

	private final Map<Object, HandlerExceptionMapper> mappers = new IdentityHashMap<>();

	CommExceptionHandlers(ListableBeanFactory beanFactory) {
		List<Object> adviceBeans = new ArrayList<>(beanFactory.getBeansWithAnnotation(CommAdvice.class).values());
		AnnotationAwareOrderComparator.sort(adviceBeans);
		this.advice = adviceBeans.stream()
			.map((bean) -> ExceptionHandlerMethods.of(bean, AopProxyUtils.ultimateTargetClass(bean)))
			.toList();
	}

	/**
	 * The exception mapper for the handlers of one bean.
	 * @param bean the handler bean
	 * @return its mapper, {@link HandlerExceptionMapper#NONE} without any exception
	 * handler
	 */
	HandlerExceptionMapper forBean(Object bean) {
		return this.mappers.computeIfAbsent(bean, (key) -> {
			AdvisedExceptionMapper mapper = new AdvisedExceptionMapper(
					ExceptionHandlerMethods.of(bean, AopProxyUtils.ultimateTargetClass(bean)), this.advice);
			return mapper.isEmpty() ? HandlerExceptionMapper.NONE : mapper;
		});
	}

}
