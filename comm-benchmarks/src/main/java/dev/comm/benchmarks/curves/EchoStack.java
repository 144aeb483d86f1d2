package dev.comm.benchmarks.curves;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * One subject of the curves: a server that answers a {@link Blob} with
 * {@link Blob#next()}, and client connections to it, all open.
 */
interface EchoStack extends AutoCloseable {

	/**
	 * The name in the tables and legends.
	 * @return the name
	 */
	String name();

	/**
	 * The client connections, each a way to send a request over it.
	 * @return one function per connection
	 */
	List<Function<Blob, CompletableFuture<Blob>>> connections();

	@Override
	void close();

}
