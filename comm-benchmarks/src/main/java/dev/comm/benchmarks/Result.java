package dev.comm.benchmarks;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The measured iterations of one subject in one shape, summarised by their medians and
 * the spread of their throughput.
 *
 * @param subject the subject's name
 * @param family its family
 * @param shape the shape
 * @param samples the iterations
 */
record Result(String subject, Family family, Shape shape, List<Sample> samples) {

	double opsPerSecond() {
		return median(Sample::opsPerSecond);
	}

	double p50Micros() {
		return median(Sample::p50Micros);
	}

	double p99Micros() {
		return median(Sample::p99Micros);
	}

	/**
	 * Bytes allocated per operation, on both sides.
	 * @return the median of the iterations that measured it, or NaN
	 */
	double bytesPerOp() {
		double[] values = this.samples.stream()
			.mapToDouble(Sample::bytesPerOp)
			.filter((bytes) -> !Double.isNaN(bytes))
			.sorted()
			.toArray();
		if (values.length == 0) {
			return Double.NaN;
		}
		int middle = values.length / 2;
		return (values.length % 2 == 1) ? values[middle] : (values[middle - 1] + values[middle]) / 2;
	}

	/**
	 * This result's rate over another's, round by round: the median of the ratios of
	 * iterations measured in the same round. The cases of a round run one after the
	 * other, so a round's pair shares what the machine was doing then, which a ratio of
	 * the two medians does not; on a shared machine that drift is larger than the
	 * difference being measured.
	 * @param other the result of the same rounds to compare with
	 * @return the median ratio of the rounds both measured
	 */
	double rateOverByRound(Result other) {
		int rounds = Math.min(this.samples.size(), other.samples.size());
		double[] ratios = new double[rounds];
		for (int round = 0; round < rounds; round++) {
			ratios[round] = this.samples.get(round).opsPerSecond() / other.samples.get(round).opsPerSecond();
		}
		Arrays.sort(ratios);
		int middle = rounds / 2;
		return (rounds % 2 == 1) ? ratios[middle] : (ratios[middle - 1] + ratios[middle]) / 2;
	}

	long errors() {
		return this.samples.stream().mapToLong(Sample::errors).sum();
	}

	/**
	 * How far the iterations' throughputs lie apart.
	 * @return (max - min) / median, as a fraction
	 */
	double spread() {
		double[] values = values(Sample::opsPerSecond);
		return (values[values.length - 1] - values[0]) / median(Sample::opsPerSecond);
	}

	private double median(ToDoubleFunction<Sample> figure) {
		double[] values = values(figure);
		int middle = values.length / 2;
		return (values.length % 2 == 1) ? values[middle] : (values[middle - 1] + values[middle]) / 2;
	}

	private double[] values(ToDoubleFunction<Sample> figure) {
		double[] values = this.samples.stream().mapToDouble(figure).toArray();
		Arrays.sort(values);
		return values;
	}

}
