package dev.comm.internal.stream;

import java.util.concurrent.Flow;

import org.reactivestreams.FlowAdapters;
import org.reactivestreams.Publisher;

/**
 * Everything that touches the optional Reactive Streams classes (what Reactor's
 * {@code Flux} and {@code Mono} implement), kept in one class so that nothing else loads
 * them when they are absent.
 */
final class ReactivePublishers {

	private static final Class<?> PUBLISHER = publisherClass();

	private ReactivePublishers() {
	}

	private static Class<?> publisherClass() {
		try {
			return Class.forName("org.reactivestreams.Publisher", false, ReactivePublishers.class.getClassLoader());
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return null;
		}
	}

	static boolean isPublisher(Class<?> type) {
		return PUBLISHER != null && PUBLISHER.isAssignableFrom(type);
	}

	static Flow.Publisher<?> toFlow(Object publisher) {
		return FlowAdapters.toFlowPublisher((Publisher<?>) publisher);
	}

}
