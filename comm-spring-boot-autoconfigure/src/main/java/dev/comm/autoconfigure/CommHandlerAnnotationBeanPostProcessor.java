package dev.comm.autoconfigure;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.aop.framework.AopInfrastructureBean;
import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;

import dev.comm.handler.CommHandler;
import dev.comm.handler.HandlerArgumentResolver;
import dev.comm.handler.OnCommRequest;
import dev.comm.internal.handler.DefaultArgumentResolvers;
import dev.comm.internal.handler.HandlerMethod;
import dev.comm.internal.handler.RouteTable;

/**
 * Collects {@link CommHandler} and {@link OnCommRequest} methods from beans as they are
 * initialized, and registers them in the {@link RouteTable} once every singleton exists,
 * so that a duplicate route fails startup naming both methods. Each handler gets the
 * exception handlers of its bean and of the advice beans. Classes without handlers are
 * remembered to skip the reflection next time.
 */
class CommHandlerAnnotationBeanPostProcessor
		implements BeanPostProcessor, SmartInitializingSingleton, BeanFactoryAware {

	private final Set<Class<?>> classesWithoutHandlers = ConcurrentHashMap.newKeySet();

	private final List<Found> found = new ArrayList<>();

	private BeanFactory beanFactory;

	@Override
	public void setBeanFactory(BeanFactory beanFactory) throws BeansException {
		this.beanFactory = beanFactory;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof AopInfrastructureBean) {
			return bean;
		}
		Class<?> targetClass = AopProxyUtils.ultimateTargetClass(bean);
		if (this.classesWithoutHandlers.contains(targetClass)) {
			return bean;
		}
		Map<Method, CommHandler> routes = MethodIntrospector.selectMethods(targetClass,
				(MethodIntrospector.MetadataLookup<CommHandler>) (method) -> AnnotatedElementUtils
					.findMergedAnnotation(method, CommHandler.class));
		Set<Method> fallbacks = MethodIntrospector.selectMethods(targetClass,
				(org.springframework.util.ReflectionUtils.MethodFilter) (method) -> AnnotatedElementUtils
					.hasAnnotation(method, OnCommRequest.class));
		if (routes.isEmpty() && fallbacks.isEmpty()) {
			this.classesWithoutHandlers.add(targetClass);
			return bean;
		}
		synchronized (this.found) {
			routes.forEach((method, annotation) -> this.found
				.add(new Found(annotation.value(), bean, AopUtils.selectInvocableMethod(method, bean.getClass()))));
			fallbacks.forEach((method) -> this.found
				.add(new Found(null, bean, AopUtils.selectInvocableMethod(method, bean.getClass()))));
		}
		return bean;
	}

	@Override
	public void afterSingletonsInstantiated() {
		RouteTable routes = this.beanFactory.getBean(RouteTable.class);
		List<HandlerArgumentResolver> resolvers = new ArrayList<>(
				this.beanFactory.getBeanProvider(HandlerArgumentResolver.class).orderedStream().toList());
		// the built-in payload resolver accepts any parameter, so user resolvers go first
		resolvers.addAll(DefaultArgumentResolvers.all());
		CommExceptionHandlers exceptionHandlers = new CommExceptionHandlers((ListableBeanFactory) this.beanFactory);
		synchronized (this.found) {
			for (Found handler : this.found) {
				HandlerMethod method = new HandlerMethod(handler.bean(), handler.method(), resolvers,
						exceptionHandlers.forBean(handler.bean()));
				if (handler.route() != null) {
					routes.add(handler.route(), method);
				}
				else {
					routes.setFallback(method);
				}
			}
			this.found.clear();
		}
	}

	private record Found(String route, Object bean, Method method) {

	}

}
