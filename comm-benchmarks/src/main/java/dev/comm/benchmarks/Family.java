package dev.comm.benchmarks;

/**
 * What a subject is: comm itself or one of the alternatives it is measured against.
 */
enum Family {

	/** comm, over one of its transports. */
	COMM("comm"),

	/** Spring's RSocket support: {@code @MessageMapping} with JSON. */
	SPRING_RSOCKET("Spring RSocket"),

	/** rsocket-java without Spring. */
	RSOCKET("rsocket-java"),

	/** gRPC-java unary calls. */
	GRPC("gRPC"),

	/** A raw Netty length-prefixed echo: the ceiling. */
	NETTY("raw Netty");

	private final String label;

	Family(String label) {
		this.label = label;
	}

	String label() {
		return this.label;
	}

}
