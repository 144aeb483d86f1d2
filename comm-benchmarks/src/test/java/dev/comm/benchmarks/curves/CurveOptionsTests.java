package dev.comm.benchmarks.curves;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CurveOptionsTests {

	@Test
	void eachOptionChangesItsOwnValue() {
		CurveOptions options = CurveOptions.DEFAULTS.with("--curve-warmup", "0.25s")
			.with("--curve-iterations", "5")
			.with("--curve-duration", "2")
			.with("--idle-links", "10000, 50_000")
			.with("--charts", "charts");
		assertThat(options.warmup()).isEqualTo(Duration.ofMillis(250));
		assertThat(options.iterations()).isEqualTo(5);
		assertThat(options.duration()).isEqualTo(Duration.ofSeconds(2));
		assertThat(options.idleLinks()).containsExactly(10_000, 50_000);
		assertThat(options.charts()).isEqualTo(Path.of("charts"));
	}

	@Test
	void defaultsAskForTheIssuesIdleLinksAndNoCharts() {
		assertThat(CurveOptions.DEFAULTS.idleLinks()).isEqualTo(List.of(10_000, 50_000));
		assertThat(CurveOptions.DEFAULTS.charts()).isNull();
	}

	@Test
	void badValuesAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> CurveOptions.DEFAULTS.with("--curve-iterations", "0"));
		assertThatIllegalArgumentException().isThrownBy(() -> CurveOptions.DEFAULTS.with("--idle-links", "0"));
		assertThatIllegalArgumentException().isThrownBy(() -> CurveOptions.DEFAULTS.with("--curve-speed", "1"));
	}

}
