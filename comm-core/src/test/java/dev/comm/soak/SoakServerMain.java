package dev.comm.soak;

import java.time.Duration;

import dev.comm.handler.CommHandler;
import dev.comm.internal.server.DefaultCommListener;
import dev.comm.testing.CommTestNode;

/**
 * A comm server in a process of its own, for soaks that stop or kill it: listens on the
 * port it is given, answers {@code soak.work} with its pid and the payload, and prints
 * {@code ready} once it accepts.
 */
public final class SoakServerMain {

	private SoakServerMain() {
	}

	public static void main(String[] args) throws Exception {
		CommTestNode node = CommTestNode.builder()
			.clientId("soak-server")
			.handlers(new Work())
			.sessions(Duration.ofSeconds(30), 100_000)
			.build();
		DefaultCommListener listener = node.listen("tcp://127.0.0.1:" + args[0]);
		System.out.println("ready " + listener.address());
		System.out.flush();
		Thread.currentThread().join();
	}

	static final class Work {

		@CommHandler("soak.work")
		String work(String id) {
			return ProcessHandle.current().pid() + ":" + id;
		}

	}

}
