package dev.comm.observation;

import java.util.HashMap;
import java.util.List;
import java.util.function.Function;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CommMeterObservationHandlerTests {

	@Test
	void timesCommsObservationsWithTheTimersMicrometersDefaultHandlerMakes() {
		MeterRegistry comms = new SimpleMeterRegistry();
		MeterRegistry defaults = new SimpleMeterRegistry();
		for (MeterRegistry meters : List.of(comms, defaults)) {
			ObservationRegistry registry = registry((meters == comms) ? new CommMeterObservationHandler(meters)
					: new DefaultMeterObservationHandler(meters));
			call(registry, "orders.place", "success", null);
			call(registry, "orders.place", "success", null);
			call(registry, "orders.cancel", "handler-failed", new IllegalStateException("no"));
		}

		assertThat(timerIds(comms)).isNotEmpty().isEqualTo(timerIds(defaults));
		assertThat(comms.get("comm.client.requests").tag("route", "orders.place").tag("error", "none").timer().count())
			.isEqualTo(2);
		assertThat(comms.get("comm.client.requests")
			.tag("route", "orders.cancel")
			.tag("outcome", "handler-failed")
			.tag("error", "IllegalStateException")
			.timer()
			.count()).isEqualTo(1);
	}

	@Test
	void servesOnlyCommsContexts() {
		CommMeterObservationHandler handler = new CommMeterObservationHandler(new SimpleMeterRegistry());

		assertThat(handler.supportsContext(new CommClientContext(new CommCall("a", false, "b")))).isTrue();
		assertThat(handler.supportsContext(new CommServerContext(new CommCall("a", false, "b"), new HashMap<>(), true)))
			.isTrue();
		assertThat(handler.supportsContext(new Observation.Context())).isFalse();
	}

	@Test
	void aRemovedTimerIsRegisteredAgainOnTheNextCall() {
		MeterRegistry meters = new SimpleMeterRegistry();
		ObservationRegistry registry = registry(new CommMeterObservationHandler(meters));
		call(registry, "orders.place", "success", null);
		meters.remove(meters.get("comm.client.requests").timer());

		call(registry, "orders.place", "success", null);

		assertThat(meters.get("comm.client.requests").timer().count()).isEqualTo(1);
	}

	@Test
	void tagSetsBeyondThoseItKeepsAreStillTimed() {
		MeterRegistry meters = new SimpleMeterRegistry();
		ObservationRegistry registry = registry(new CommMeterObservationHandler(meters));
		for (int i = 0; i < 5000; i++) {
			call(registry, "route-" + i, "success", null);
		}
		call(registry, "route-4999", "success", null);

		assertThat(meters.get("comm.client.requests").timers()).hasSize(5000);
		assertThat(meters.get("comm.client.requests").tag("route", "route-4999").timer().count()).isEqualTo(2);
	}

	@Test
	void eventsAreCountedAsTheDefaultHandlerCountsThem() {
		MeterRegistry meters = new SimpleMeterRegistry();
		ObservationRegistry registry = registry(new CommMeterObservationHandler(meters));
		CommClientContext context = new CommClientContext(new CommCall("orders.place", false, "billing"));
		Observation observation = observation(registry, context).start();
		observation.event(Observation.Event.of("retried"));
		context.getCall().setOutcome("success");
		observation.stop();

		assertThat(meters.get("comm.client.requests.retried").tag("route", "orders.place").counter().count())
			.isEqualTo(1);
	}

	private static ObservationRegistry registry(ObservationHandler<?> handler) {
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(handler);
		return registry;
	}

	private static void call(ObservationRegistry registry, String route, String outcome, Throwable error) {
		CommClientContext context = new CommClientContext(new CommCall(route, false, "billing"));
		Observation observation = observation(registry, context).start();
		context.getCall().setLink("tcp", "peer-1", "127.0.0.1:7070");
		context.getCall().setOutcome(outcome);
		if (error != null) {
			observation.error(error);
		}
		observation.stop();
	}

	private static Observation observation(ObservationRegistry registry, CommClientContext context) {
		return CommObservationDocumentation.CLIENT.observation(null, new DefaultCommClientObservationConvention(),
				() -> context, registry);
	}

	private static List<String> timerIds(MeterRegistry meters) {
		Function<Meter, String> id = (meter) -> meter.getId().getName() + meter.getId().getTags();
		return meters.getMeters().stream().filter(Timer.class::isInstance).map(id).sorted().toList();
	}

}
