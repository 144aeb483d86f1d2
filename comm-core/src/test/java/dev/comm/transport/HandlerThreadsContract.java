package dev.comm.transport;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.comm.client.CommClient;
import dev.comm.handler.CommHandler;
import dev.comm.testing.CommTestNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where handlers run over a transport: on the node's handler threads, unless declared
 * {@link CommHandler#nonBlocking() non-blocking}, which run on the thread that received
 * the message and answer the same. Every transport's contract test implements this
 * interface.
 */
interface HandlerThreadsContract {

	/**
	 * A new listen address for the transport under test.
	 * @return the URI
	 */
	String handlerThreadsListenUri();

	/**
	 * A node builder with what the transport under test needs.
	 * @return the builder
	 */
	CommTestNode.Builder handlerThreadsNodeBuilder();

	@Test
	default void aNonBlockingHandlerRunsOnTheReceivingThreadAndOthersOnHandlerThreads() throws Exception {
		ThreadReporter handlers = new ThreadReporter();
		try (CommTestNode server = handlerThreadsNodeBuilder().handlers(handlers).build();
				CommTestNode client = handlerThreadsNodeBuilder().clientId("threads-client").build()) {
			String address = server.listen(handlerThreadsListenUri()).address().format();
			CommClient comm = client.connect(address, Duration.ofSeconds(30));

			String inline = comm.request("threads.inline", "a", String.class);
			String pooled = comm.request("threads.pooled", "b", String.class);
			comm.send("threads.inline.throw", "c");

			assertThat(inline).startsWith("a on ").doesNotContain(CommTestNode.HANDLER_THREAD_PREFIX);
			assertThat(pooled).startsWith("b on " + CommTestNode.HANDLER_THREAD_PREFIX);
			assertThat(handlers.throwThreads.poll(10, TimeUnit.SECONDS)).isNotNull()
				.doesNotStartWith(CommTestNode.HANDLER_THREAD_PREFIX);
		}
	}

	/**
	 * Handlers that tell which thread ran them.
	 */
	class ThreadReporter {

		final BlockingQueue<String> throwThreads = new LinkedBlockingQueue<>();

		@CommHandler(value = "threads.inline", nonBlocking = true)
		String inline(String text) {
			return text + " on " + Thread.currentThread().getName();
		}

		@CommHandler("threads.pooled")
		String pooled(String text) {
			return text + " on " + Thread.currentThread().getName();
		}

		@CommHandler(value = "threads.inline.throw", nonBlocking = true)
		void inlineThrow(String text) {
			this.throwThreads.add(Thread.currentThread().getName());
		}

	}

}
