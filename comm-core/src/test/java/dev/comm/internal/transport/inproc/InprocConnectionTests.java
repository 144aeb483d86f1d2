package dev.comm.internal.transport.inproc;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;

import dev.comm.protocol.ControlFrame;
import dev.comm.protocol.Frame;
import dev.comm.transport.FrameReceiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * An in-process link whose receiving end's executor shut down first, as when one of two
 * applications in a process stops before the other.
 */
class InprocConnectionTests {

	@Test
	void sendingAndClosingTowardsAnEndWhoseExecutorHasShutDownDropsTheFramesQuietly() {
		// each end delivers what is sent to it on its own executor
		ExecutorService senderDelivery = Executors.newSingleThreadExecutor();
		ExecutorService receiverDelivery = Executors.newSingleThreadExecutor();
		InprocConnection sender = new InprocConnection("receiver", senderDelivery, 1024);
		InprocConnection receiver = new InprocConnection("sender", receiverDelivery, 1024);
		sender.pairWith(receiver);
		receiver.pairWith(sender);
		List<Frame> received = new CopyOnWriteArrayList<>();
		receiver.start(new FrameReceiver() {
			@Override
			public void frame(Frame frame) {
				received.add(frame);
			}

			@Override
			public void closed(Throwable cause) {
			}
		});
		receiverDelivery.shutdownNow();
		assertThatNoException().isThrownBy(() -> {
			sender.send(ControlFrame.PING);
			sender.close();
		});
		assertThat(received).isEmpty();
		senderDelivery.shutdownNow();
	}

}
