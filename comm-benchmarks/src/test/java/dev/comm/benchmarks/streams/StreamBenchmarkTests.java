package dev.comm.benchmarks.streams;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class StreamBenchmarkTests {

	@Test
	void commIsComparedWithRSocketJavaAndGrpcByItsMedianRate() {
		Map<String, List<Double>> rates = new LinkedHashMap<>();
		rates.put("comm tcp", List.of(900_000.0, 1_000_000.0, 1_100_000.0));
		rates.put("rsocket-java", List.of(400_000.0, 600_000.0, 500_000.0));
		rates.put("gRPC", List.of(250_000.0));
		String table = new StreamTable(1_000, rates).render();
		assertThat(table).contains("| stream of 1,000 items |")
			.contains("| comm tcp | 1,000,000 | 20% | 2.00× | 4.00× |")
			.contains("| rsocket-java | 500,000 | 40% |  |  |")
			.contains("- met: stream over tcp: 2.00× rsocket-java's items/s (goal 2×)");
	}

	@Test
	void rsocketJavaAndGrpcDeliverEveryItemOfTheirStreams() throws Exception {
		try (RSocketStreamSubject rsocket = new RSocketStreamSubject();
				GrpcStreamSubject grpc = new GrpcStreamSubject()) {
			assertThat(rsocket.consume(5_000)).isEqualTo(5_000);
			assertThat(grpc.consume(5_000)).isEqualTo(5_000);
			String table = new StreamBenchmark(2_000, 2, Duration.ZERO).run(List.of(rsocket, grpc));
			assertThat(table).contains("| rsocket-java |").contains("| gRPC |").doesNotContain("goal");
		}
	}

	@Test
	void commDeliversEveryItemOfItsStreams() throws Exception {
		try (CommStreamSubject comm = new CommStreamSubject()) {
			assertThat(comm.consume(5_000)).isEqualTo(5_000);
			String table = new StreamBenchmark(2_000, 2, Duration.ZERO).run(List.of(comm));
			assertThat(table).contains("| comm tcp |");
		}
	}

	@Test
	void aSubjectThatLosesItemsFailsTheRun() {
		StreamSubject lossy = new StreamSubject() {
			@Override
			public String name() {
				return "lossy";
			}

			@Override
			public long consume(int items) {
				return items - 1;
			}

			@Override
			public void close() {
			}
		};
		assertThatIllegalStateException()
			.isThrownBy(() -> new StreamBenchmark(10, 1, Duration.ZERO).run(List.of(lossy)))
			.withMessageContaining("lossy delivered 9 of a stream of 10 items");
	}

	@Test
	void ticksAreSmallJsonBothWays() {
		byte[] json = Tick.toJson(Tick.at(123_456));
		assertThat(json.length).isLessThan(48);
		assertThat(Tick.fromJson(json)).isEqualTo(Tick.at(123_456));
	}

}
