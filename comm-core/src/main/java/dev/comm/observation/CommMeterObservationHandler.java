package dev.comm.observation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.observation.MeterObservationHandler;
import io.micrometer.observation.Observation;

/**
 * The timers of comm's observations: the timer Micrometer's
 * {@link DefaultMeterObservationHandler} makes, named after the observation and tagged
 * with its low-cardinality keys and {@code error}, at a fraction of the cost per call.
 * The default handler builds, sorts and registers the tags twice per observation and
 * keeps a long-task timer per tag set; at tens of thousands of calls a second that was
 * most of what observing comm cost. This handler keeps each timer once found, so a call
 * costs a clock read at the start and a map lookup at the end.
 * <p>
 * It leaves out the default handler's {@code .active} long-task timers: the calls a
 * listener's handlers are serving are its {@code comm.listener.requests.in.flight} and
 * {@code comm.listener.streams.open} gauges. Events on a comm observation are counted as
 * the default handler counts them.
 * <p>
 * Spring Boot puts it ahead of its default meter handler; an application that builds its
 * registry by hand registers it the same way, in one first-matching group with the
 * default handler after it.
 */
public final class CommMeterObservationHandler implements MeterObservationHandler<Observation.Context> {

	/**
	 * Beyond this many tag sets (a convention tagging with unbounded values) timers are
	 * not kept.
	 */
	private static final int KEPT_TIMERS = 4096;

	private final MeterRegistry registry;

	private final Clock clock;

	private final Map<TimerKey, Timer> timers = new ConcurrentHashMap<>();

	/**
	 * A handler whose timers go to {@code registry}.
	 * @param registry the meter registry
	 */
	public CommMeterObservationHandler(MeterRegistry registry) {
		this.registry = registry;
		this.clock = registry.config().clock();
		// a removed timer no longer reports: find it again through the registry
		registry.config().onMeterRemoved((meter) -> this.timers.clear());
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof CommClientContext || context instanceof CommServerContext;
	}

	@Override
	public void onStart(Observation.Context context) {
		call(context).timerStart = this.clock.monotonicTime();
	}

	@Override
	public void onStop(Observation.Context context) {
		long elapsed = this.clock.monotonicTime() - call(context).timerStart;
		timer(context).record(elapsed, TimeUnit.NANOSECONDS);
	}

	@Override
	public void onEvent(Observation.Event event, Observation.Context context) {
		Counter.builder(context.getName() + "." + event.getName())
			.tags(tags(context.getLowCardinalityKeyValues()))
			.register(this.registry)
			.increment();
	}

	private Timer timer(Observation.Context context) {
		TimerKey key = new TimerKey(context.getName(), context.getLowCardinalityKeyValues(), errorValue(context));
		Timer timer = this.timers.get(key);
		if (timer != null) {
			return timer;
		}
		timer = Timer.builder(key.name()).tags(tags(key.tags())).tag("error", key.error()).register(this.registry);
		if (this.timers.size() < KEPT_TIMERS) {
			this.timers.put(key, timer);
		}
		return timer;
	}

	private static CommCall call(Observation.Context context) {
		return (context instanceof CommClientContext client) ? client.getCall()
				: ((CommServerContext) context).getCall();
	}

	private static String errorValue(Observation.Context context) {
		Throwable error = context.getError();
		return (error != null) ? error.getClass().getSimpleName() : "none";
	}

	private static List<Tag> tags(KeyValues keyValues) {
		List<Tag> tags = new ArrayList<>();
		for (KeyValue keyValue : keyValues) {
			tags.add(Tag.of(keyValue.getKey(), keyValue.getValue()));
		}
		return tags;
	}

	private record TimerKey(String name, KeyValues tags, String error) {
	}

}
