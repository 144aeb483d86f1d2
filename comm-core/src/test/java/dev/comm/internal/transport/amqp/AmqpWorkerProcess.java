package dev.comm.internal.transport.amqp;

import java.util.concurrent.CountDownLatch;

import dev.comm.handler.CommHandler;
import dev.comm.testing.CommTestNode;

/**
 * A service instance in a process of its own, for the crash test: it takes messages and
 * never finishes them, printing {@code HOLDING} for each, until it is killed.
 */
public final class AmqpWorkerProcess {

	private AmqpWorkerProcess() {
	}

	/**
	 * Listen until killed.
	 * @param args the service address and the prefetch
	 * @throws InterruptedException never in practice: the process is killed
	 */
	public static void main(String[] args) throws InterruptedException {
		CommTestNode node = CommTestNode.builder()
			.clientId("doomed")
			.amqpPrefetch(Integer.parseInt(args[1]))
			.handlers(new Stuck())
			.build();
		node.listen(args[0]);
		System.out.println("READY");
		System.out.flush();
		new CountDownLatch(1).await();
	}

	static final class Stuck {

		private final CountDownLatch never = new CountDownLatch(1);

		@CommHandler("work")
		String work(int index) throws InterruptedException {
			holding();
			this.never.await();
			return "never";
		}

		@CommHandler("audit")
		void audit(int index) throws InterruptedException {
			holding();
			this.never.await();
		}

		private static synchronized void holding() {
			System.out.println("HOLDING");
			System.out.flush();
		}

	}

}
