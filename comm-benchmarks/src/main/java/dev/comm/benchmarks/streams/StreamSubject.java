package dev.comm.benchmarks.streams;

/**
 * One way of streaming items from a server to its caller.
 */
interface StreamSubject extends AutoCloseable {

	String name();

	/**
	 * Ask the server for a stream and read it to its end, converting every item.
	 * @param items how many items the server sends
	 * @return how many items arrived
	 * @throws Exception when the stream failed
	 */
	long consume(int items) throws Exception;

	@Override
	void close();

}
