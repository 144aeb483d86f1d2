package dev.comm.benchmarks.curves;

import java.util.List;

/**
 * Opens the subjects of the request curves, one at a time so that each runs alone.
 */
interface Stacks {

	/** comm, rsocket-java and the raw Netty echo. */
	List<Stacks> ALL = List.of((connections) -> new CommEcho(connections, List.of()), RSocketEcho::new, NettyEcho::new);

	/**
	 * Open a subject.
	 * @param connections client connections to open to its one server
	 * @return the open subject
	 * @throws Exception if it cannot start
	 */
	EchoStack open(int connections) throws Exception;

}
