package dev.comm.benchmarks.streams;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The stream cases a run selects, made, measured and closed again.
 */
public final class StreamCases {

	private StreamCases() {
	}

	/**
	 * Measure the stream cases whose name ({@code "comm tcp stream"},
	 * {@code "rsocket-java
	 * stream"}, {@code "gRPC stream"}) the run includes.
	 * @param includes which case names the run includes
	 * @param items the items of each measured stream
	 * @param rounds how many streams of each subject are measured
	 * @param warmup how long each subject streams before it is measured
	 * @return the table, or {@code ""} when the run includes none
	 * @throws Exception when a subject failed
	 */
	public static String run(Predicate<String> includes, int items, int rounds, Duration warmup) throws Exception {
		List<StreamSubject> subjects = new ArrayList<>();
		try {
			if (includes.test(StreamTable.COMM + " stream")) {
				subjects.add(new CommStreamSubject());
			}
			if (includes.test(StreamTable.RSOCKET + " stream")) {
				subjects.add(new RSocketStreamSubject());
			}
			if (includes.test(StreamTable.GRPC + " stream")) {
				subjects.add(new GrpcStreamSubject());
			}
			return subjects.isEmpty() ? "" : new StreamBenchmark(items, rounds, warmup).run(subjects);
		}
		finally {
			subjects.forEach(StreamSubject::close);
		}
	}

}
