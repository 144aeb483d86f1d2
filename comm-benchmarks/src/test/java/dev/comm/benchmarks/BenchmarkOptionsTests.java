package dev.comm.benchmarks;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.comm.benchmarks.curves.CurveRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BenchmarkOptionsTests {

	@Test
	void curveOptionsSitBesideTheCasesOptions() {
		BenchmarkOptions options = BenchmarkOptions.parse("--warmup=1s", "--curve-warmup=0.1s", "--curve-iterations=2",
				"--idle-links=10000,50000", "--charts=out");
		assertThat(options.warmup()).isEqualTo(Duration.ofSeconds(1));
		assertThat(options.curves().warmup()).isEqualTo(Duration.ofMillis(100));
		assertThat(options.curves().iterations()).isEqualTo(2);
		assertThat(options.curves().idleLinks()).containsExactly(10_000, 50_000);
		assertThat(options.curves().charts()).hasToString("out");
	}

	@Test
	void onlyCurvePicksEveryCurveAndNoCase() {
		BenchmarkOptions options = BenchmarkOptions.parse("--only=curve");
		assertThat(CurveRunner.NAMES).allMatch(options::includes);
		assertThat(options.includes("comm tcp request, 256 outstanding")).isFalse();
	}

	@Test
	void onlyCurvePayloadPicksThatCurve() {
		BenchmarkOptions options = BenchmarkOptions.parse("--only=curve payload");
		assertThat(CurveRunner.NAMES.stream().filter(options::includes)).containsExactly("curve payload");
	}

	@Test
	void casePatternsPickNoCurveAndNoPatternPicksAll() {
		BenchmarkOptions cases = BenchmarkOptions.parse("--only=comm tcp");
		assertThat(CurveRunner.NAMES).noneMatch(cases::includes);
		assertThat(CurveRunner.NAMES).allMatch(BenchmarkOptions.parse()::includes);
	}

	@Test
	void unknownOptionsNameTheCurveOptionsToo() {
		assertThatIllegalArgumentException().isThrownBy(() -> BenchmarkOptions.parse("--speed=1"))
			.withMessageContaining("--curve-warmup");
	}

}
