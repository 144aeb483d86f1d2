package dev.comm.autoconfigure.observation;

import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.beans.factory.ObjectProvider;

import dev.comm.internal.client.DefaultCommConnector;
import dev.comm.internal.server.DefaultCommListener;
import dev.comm.internal.session.Link;
import dev.comm.internal.stream.StreamExtension;

/**
 * Gauges of every listener and connector, tagged with the endpoint's name, read when a
 * registry publishes them.
 */
final class CommMeterBinder implements MeterBinder {

	private final ObjectProvider<DefaultCommListener> listeners;

	private final ObjectProvider<DefaultCommConnector> connectors;

	CommMeterBinder(ObjectProvider<DefaultCommListener> listeners, ObjectProvider<DefaultCommConnector> connectors) {
		this.listeners = listeners;
		this.connectors = connectors;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.listeners.orderedStream().forEach((listener) -> {
			gauge(registry, "comm.listener.links", "Open links of the listener's peers", listener.name(), listener,
					(it) -> it.getLinks().size());
			gauge(registry, "comm.listener.requests.in.flight", "Requests and throws its handlers are serving",
					listener.name(), listener, (it) -> it.getLinks().stream().mapToInt(Link::inboundInFlight).sum());
			gauge(registry, "comm.listener.streams.open", "Streams its handlers are serving", listener.name(), listener,
					(it) -> it.getLinks().stream().mapToInt(StreamExtension::servedOn).sum());
			gauge(registry, "comm.listener.session.queued",
					"Replies and calls kept for peers that are away within the resume window", listener.name(),
					listener, DefaultCommListener::queuedForAbsentPeers);
		});
		this.connectors.orderedStream().forEach((connector) -> {
			gauge(registry, "comm.connector.connected", "1 while the connector has an open link, else 0",
					connector.name(), connector, (it) -> it.isConnected() ? 1 : 0);
			gauge(registry, "comm.connector.requests.held",
					"Requests that wait for the connection to come back to be answered", connector.name(), connector,
					DefaultCommConnector::heldRequests);
			FunctionCounter.builder("comm.connector.messages.lost", connector, DefaultCommConnector::lostMessages)
				.description("Requests and throws sent on dropped links that may not have arrived and could not be"
						+ " sent again")
				.tag("endpoint", connector.name())
				.register(registry);
		});
	}

	private static <T> void gauge(MeterRegistry registry, String name, String description, String endpointName,
			T endpoint, ToDoubleFunction<T> value) {
		Gauge.builder(name, endpoint, value).description(description).tag("endpoint", endpointName).register(registry);
	}

}
