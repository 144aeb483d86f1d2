package dev.comm.benchmarks;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ResultTableTests {

	@Test
	void commRowsCarryRatiosToTheAlternativesOfTheSameShape() {
		Result comm = result("comm tcp", Family.COMM, Shape.THROUGHPUT, 300_000, 200_000, 400_000);
		Result spring = result("Spring RSocket", Family.SPRING_RSOCKET, Shape.THROUGHPUT, 100_000);
		Result rsocket = result("rsocket-java", Family.RSOCKET, Shape.THROUGHPUT, 150_000);
		String table = new ResultTable(List.of(comm, spring, rsocket)).render();
		assertThat(table).contains("| comm tcp | request, 256 outstanding |")
			.contains("| 300,000 | 67% | 3.00× | 2.00× |  |  |")
			.contains("- met: tcp, 256 outstanding: 3.00× Spring RSocket (goal 3×), 2.00× rsocket-java (goal 1×)");
	}

	@Test
	void latencyRatiosCompareMedians() {
		Result comm = new Result("comm tcp", Family.COMM, Shape.LATENCY, List.of(new Sample(1, 26, 40, 0)));
		Result netty = new Result("raw Netty echo", Family.NETTY, Shape.LATENCY, List.of(new Sample(1, 20, 30, 0)));
		String table = new ResultTable(List.of(comm, netty)).render();
		assertThat(table).contains("| 26.0 | 40.0 |").contains("1.30×").contains("- met: tcp, 1 outstanding");
	}

	@Test
	void throwsGoalSaysHowCloseCommCameToTheMachinesJsonCeiling() {
		Result comm = result("comm tcp", Family.COMM, Shape.THROWS, 400_000);
		Result json = result("JSON alone", Family.JSON, Shape.THROWS, 500_000);
		String table = new ResultTable(List.of(comm, json)).render();
		assertThat(table).contains("| JSON alone | throw (fire-and-forget) |")
			.contains("- not met: throws over tcp: 400,000 messages/s (goal 1,000,000); converting the payload "
					+ "to JSON and back, with no transport, reaches 500,000/s on this machine, and comm 80% of that");
	}

	@Test
	void allocationIsReportedPerOperationAndBeyondJacksonsConversions() {
		Result throwsTcp = new Result("comm tcp", Family.COMM, Shape.THROWS,
				List.of(new Sample(400_000, Double.NaN, Double.NaN, 0, 1_900)));
		Result requests = new Result("comm tcp", Family.COMM, Shape.THROUGHPUT,
				List.of(new Sample(100_000, 900, 2_000, 0, 4_500)));
		Result json = new Result("JSON alone", Family.JSON, Shape.THROWS,
				List.of(new Sample(500_000, Double.NaN, Double.NaN, 0, 1_000)));
		String table = new ResultTable(List.of(throwsTcp, requests, json)).render();
		assertThat(table).contains("| 1,900 |")
			.contains("- met: allocation per throw over tcp: 1,900 bytes, 900 beyond the 1,000 that Jackson's "
					+ "conversions allocate (goal at most 1,024)")
			.contains("- not met: allocation per request over tcp: 4,500 bytes, 2,500 beyond the 2,000");
	}

	@Test
	void aNonBlockingHandlersLatencyIsHeldToTheRawEcho() {
		Result inline = new Result("comm tcp non-blocking", Family.COMM, Shape.LATENCY,
				List.of(new Sample(1, 21, 40, 0)));
		Result netty = new Result("raw Netty echo", Family.NETTY, Shape.LATENCY, List.of(new Sample(1, 20, 30, 0)));
		String table = new ResultTable(List.of(inline, netty)).render();
		assertThat(table).contains("- met: tcp, 1 outstanding, non-blocking handler: p50 1.05× the raw Netty echo's");
	}

	@Test
	void observationsShareIsTheMedianOfEachRoundsRatioNotTheRatioOfMedians() {
		// the machine slows down in the second and third rounds: each round's pair shares
		// it, while the medians of the two cases pick figures of different rounds
		Result plain = result("comm tcp", Family.COMM, Shape.THROUGHPUT, 200_000, 100_000, 110_000);
		Result observed = result("comm tcp observed", Family.COMM, Shape.THROUGHPUT, 180_000, 90_000, 88_000);
		assertThat(observed.rateOverByRound(plain)).isEqualTo(0.9);
		assertThat(new ResultTable(List.of(plain, observed)).render())
			.contains("- met: tcp, 256 outstanding, with observation on both sides: 90% of the rate without, "
					+ "the median of the rounds' ratios (goal 85%)");
	}

	@Test
	void jsonAloneConvertsOnEveryCore() {
		try (JsonAloneSubject json = new JsonAloneSubject()) {
			assertThat(json.shapes()).containsExactly(Shape.THROWS);
			assertThat(json.measureThrows(new ThrowDriver(), java.time.Duration.ofMillis(200)).opsPerSecond())
				.isPositive();
		}
	}

	@Test
	void optionsParseDurationsAndRejectUnknownNames() {
		BenchmarkOptions options = BenchmarkOptions.parse("--warmup=0.5s", "--iterations=3", "--only=comm");
		assertThat(options.warmup().toMillis()).isEqualTo(500);
		assertThat(options.iterations()).isEqualTo(3);
		assertThat(options.includes("comm unix")).isTrue();
		assertThat(options.includes("gRPC")).isFalse();
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> BenchmarkOptions.parse("--speed=11"))
			.withMessageContaining("--warmup");
	}

	@Test
	void onlyTakesCommaSeparatedPatternsOfWordsThatMustAllAppearInTheCaseName() {
		BenchmarkOptions options = BenchmarkOptions.parse("--only=comm tcp throw, raw netty,tcp 256");
		assertThat(options.includes("comm tcp throw (fire-and-forget)")).isTrue();
		assertThat(options.includes("comm tcp request, 1 outstanding")).isFalse();
		assertThat(options.includes("comm tcp request, 256 outstanding")).isTrue();
		assertThat(options.includes("comm unix request, 256 outstanding")).isFalse();
		assertThat(options.includes("raw Netty echo request, 256 outstanding")).isTrue();
		assertThat(BenchmarkOptions.parse().includes("gRPC request, 1 outstanding")).isTrue();
	}

	@Test
	void thePayloadIsOneHundredBytesOfJsonBothWays() {
		assertThat(Quote.sampleSize()).isEqualTo(100);
		assertThat(Quote.toJson(Quote.SAMPLE.next())).hasSize(100);
		assertThat(Quote.fromJson(Quote.toJson(Quote.SAMPLE))).isEqualTo(Quote.SAMPLE);
	}

	private static Result result(String name, Family family, Shape shape, double... rates) {
		return new Result(name, family, shape,
				java.util.Arrays.stream(rates).mapToObj((rate) -> new Sample(rate, 1, 2, 0)).toList());
	}

}
