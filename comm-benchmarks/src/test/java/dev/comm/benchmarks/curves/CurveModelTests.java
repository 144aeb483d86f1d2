package dev.comm.benchmarks.curves;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.comm.benchmarks.curves.CurveDriver.Measurement;

import static org.assertj.core.api.Assertions.assertThat;

class CurveModelTests {

	@Test
	void builderKeepsSeriesInTheOrderTheyFirstAppear() {
		List<Series> series = new Curve.Builder().add("comm tcp", 1, 10)
			.add("rsocket-java", 1, 5)
			.add("comm tcp", 16, 20)
			.build();
		assertThat(series).extracting(Series::name).containsExactly("comm tcp", "rsocket-java");
		assertThat(series.get(0).points()).containsExactly(new CurvePoint(1, 10), new CurvePoint(16, 20));
	}

	@Test
	void xValuesAreDistinctAndAscending() {
		Curve curve = new Curve("c", "t", new Curve.Axis("peers", true, false), "requests/s", false,
				new Curve.Builder().add("a", 16, 1).add("a", 1, 1).add("b", 256, 1).add("b", 16, 2).build());
		assertThat(curve.xValues()).containsExactly(1.0, 16.0, 256.0);
	}

	@Test
	void sizesAreWrittenInTheLargestUnitThatDividesThem() {
		assertThat(Sizes.format(100)).isEqualTo("100 B");
		assertThat(Sizes.format(4096)).isEqualTo("4 KiB");
		assertThat(Sizes.format(1024 * 1024)).isEqualTo("1 MiB");
		assertThat(Sizes.format(1500)).isEqualTo("1500 B");
	}

	@Test
	void blobsAreTheirJsonSizeAndAnsweredByTheirNext() {
		for (int size : PayloadCurve.SIZES) {
			Blob blob = Blob.ofJsonSize(size);
			assertThat(blob.jsonSize()).isEqualTo(size);
			assertThat(Blob.fromJson(Blob.toJson(blob))).isEqualTo(blob);
			assertThat(blob.answeredBy(blob.next())).isTrue();
			assertThat(blob.answeredBy(blob)).isFalse();
		}
	}

	@Test
	void medianTakesEachFigureOnItsOwnAndAddsErrors() {
		Measurement median = Measurement.median(List.of(new Measurement(10, 5, 50, 1, new double[] { 10 }),
				new Measurement(30, 1, 90, 0, new double[] { 30 }),
				new Measurement(20, 3, 70, 2, new double[] { 20 })));
		assertThat(median.opsPerSecond()).isEqualTo(20);
		assertThat(median.p50Micros()).isEqualTo(3);
		assertThat(median.p99Micros()).isEqualTo(70);
		assertThat(median.errors()).isEqualTo(3);
		assertThat(median.channelRates()).containsExactly(20);
	}

	@Test
	void channelSpreadIsTheFastestOverTheSlowest() {
		assertThat(new Measurement(6, 1, 1, 0, new double[] { 1, 2, 3 }).channelSpread()).isEqualTo(3);
		assertThat(new Measurement(3, 1, 1, 0, new double[] { 0, 3 }).channelSpread()).isInfinite();
	}

}
