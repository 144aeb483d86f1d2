package dev.comm.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * All subjects of a run, open at once so that their iterations can be interleaved, and
 * closed together.
 */
final class Subjects implements AutoCloseable {

	private final List<Subject> subjects = new ArrayList<>();

	void add(Subject subject) {
		this.subjects.add(subject);
	}

	/**
	 * The cases to run, in table order.
	 * @param options which cases to include
	 * @return every included case: a subject in a shape it supports
	 */
	List<Case> cases(BenchmarkOptions options) {
		List<Case> cases = new ArrayList<>();
		for (Subject subject : this.subjects) {
			for (Shape shape : Shape.values()) {
				if (subject.shapes().contains(shape) && options.includes(subject.name() + " " + shape.label())) {
					cases.add(new Case(subject, shape));
				}
			}
		}
		return cases;
	}

	@Override
	public void close() {
		for (Subject subject : this.subjects) {
			subject.close();
		}
	}

}
