package dev.comm.benchmarks;

/**
 * What a subject is: comm itself, one of the alternatives it is measured against, or a
 * reference without a transport.
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
	NETTY("raw Netty"),

	/** No transport at all: the payload's JSON conversion, the ceiling of throws. */
	JSON("JSON alone");

	private final String label;

	Family(String label) {
		this.label = label;
	}

	String label() {
		return this.label;
	}

}
