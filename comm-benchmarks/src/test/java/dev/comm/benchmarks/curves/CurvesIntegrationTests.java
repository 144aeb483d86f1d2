package dev.comm.benchmarks.curves;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every curve at a tiny size, over real sockets: the figures must be those of working
 * subjects, with no errors.
 */
class CurvesIntegrationTests {

	private static final CurveOptions TINY = new CurveOptions(Duration.ZERO, 1, Duration.ofMillis(200), List.of(2),
			null);

	@Test
	void payloadCurveMeasuresEverySubjectWithoutErrors(@TempDir Path charts) throws Exception {
		CurveReport report = new PayloadCurve(List.of(100, 4096), List.of(1), Stacks.ALL).run(TINY);
		assertThat(report.charts()).hasSize(2);
		Curve rate = report.charts().get(0);
		assertThat(rate.series()).extracting(Series::name)
			.containsExactly("comm tcp, 1 outstanding", "rsocket-java, 1 outstanding", "raw Netty echo, 1 outstanding");
		assertThat(rate.series()).allSatisfy((line) -> assertThat(line.points()).hasSize(2)
			.allSatisfy((point) -> assertThat(point.y()).isPositive()));
		assertThat(report.table()).contains("| comm tcp | 100 B | 1 |").doesNotContain("NaN");
		assertNoErrors(report.table());
		List<Path> written = CurveRunner.write(report, charts, "test");
		assertThat(written).allSatisfy((file) -> assertThat(SvgChartTests.parse(Files.readString(file))).isNotNull());
	}

	@Test
	void peersCurveServesEveryPeer() throws Exception {
		CurveReport report = new PeersCurve(List.of(2), Stacks.ALL).run(TINY);
		Curve spread = report.charts().get(2);
		assertThat(spread.series()).hasSize(3)
			.allSatisfy((line) -> assertThat(line.points().get(0).y()).isFinite().isGreaterThanOrEqualTo(1));
		assertNoErrors(report.table());
	}

	@Test
	void fanOutCurveGetsEveryWorkersReply() throws Exception {
		CurveReport report = new FanOutCurve(List.of(1, 2)).run(TINY);
		assertThat(report.charts().get(0).series()).extracting(Series::name)
			.containsExactly("comm tcp", "rsocket-java");
		assertThat(report.charts().get(0).series())
			.allSatisfy((line) -> assertThat(line.points()).allSatisfy((point) -> assertThat(point.y()).isPositive()));
		assertNoErrors(report.table());
	}

	@Test
	void idleLinksCurveCountsLinksOpenedByAChildJvm() throws Exception {
		CurveReport report = new IdleLinksCurve(List.of(2), List.of("comm", "rsocket", "netty")).run();
		assertThat(report.table()).contains("| comm tcp | 2 |", "| rsocket-java | 2 |", "| raw Netty echo | 2 |");
		assertThat(report.charts().get(0).series()).hasSize(3);
	}

	@Test
	void idleLinksBeyondTheDescriptorLimitAreReportedAsNotPossible() throws Exception {
		long limit = IdleLinksCurve.descriptorLimit();
		org.junit.jupiter.api.Assumptions.assumeTrue(limit > 0 && limit < Integer.MAX_VALUE / 2);
		CurveReport report = new IdleLinksCurve(List.of((int) limit), List.of("comm")).run();
		assertThat(report.table()).contains("not possible here").contains("ulimit -Hn");
	}

	private static void assertNoErrors(String table) {
		for (String line : table.split("\n")) {
			if (line.startsWith("| ") && !line.startsWith("| subject")) {
				assertThat(line).endsWith("| 0 |");
			}
		}
	}

}
