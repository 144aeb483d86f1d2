package dev.comm.benchmarks;

/**
 * How a case is driven.
 */
enum Shape {

	/** One request outstanding at a time: round-trip latency. */
	LATENCY("request, 1 outstanding"),

	/** 256 requests kept outstanding: throughput. */
	THROUGHPUT("request, 256 outstanding"),

	/** Fire-and-forget messages as fast as the receiver takes them. */
	THROWS("throw (fire-and-forget)");

	static final int OUTSTANDING = 256;

	private final String label;

	Shape(String label) {
		this.label = label;
	}

	String label() {
		return this.label;
	}

}
