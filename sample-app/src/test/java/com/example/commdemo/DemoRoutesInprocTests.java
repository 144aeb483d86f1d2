package com.example.commdemo;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.example.commdemo.DemoProtocol.Assignment;
import com.example.commdemo.DemoProtocol.DataValue;
import com.example.commdemo.DemoProtocol.Lookup;
import com.example.commdemo.DemoProtocol.Receipt;
import com.example.commdemo.DemoProtocol.Task;
import com.example.commdemo.DemoProtocol.TaskResult;
import com.example.commdemo.DemoProtocol.WorkerStatus;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import dev.comm.CommErrorKind;
import dev.comm.CommRemoteException;
import dev.comm.client.CommClient;
import dev.comm.test.AutoConfigureComm;
import dev.comm.test.CommTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's scheduler and worker routes, called through comm as the demo's processes
 * call them, in one test that opens no socket: the scheduler's listener (a unix socket
 * and a tcp port, as configured) and a worker's connector to it are in-process, and the
 * calls come from a {@link CommTestClient} posing as two workers. The scheduler's run,
 * which launches worker processes, is left out: this context has the demo's handlers
 * without {@link DemoScheduler}.
 */
@SpringBootTest(classes = DemoRoutesInprocTests.DemoRoutes.class, webEnvironment = WebEnvironment.NONE,
		properties = { "comm.listeners.workers.uri=unix:///nonexistent-comm-demo/scheduler.sock",
				"comm.listeners.public.uri=tcp://0.0.0.0:47120",
				"comm.connectors.scheduler.uri=unix:///nonexistent-comm-demo/scheduler.sock" })
@AutoConfigureComm
class DemoRoutesInprocTests {

	@Autowired
	CommTestClient comm;

	@Autowired
	CommClient app;

	@Autowired
	Environment environment;

	@Test
	void noSocketIsOpened() throws IOException {
		assertThat(this.environment.getProperty("local.comm.listeners.workers.uri")).startsWith("inproc://");
		assertThat(this.environment.getProperty("local.comm.listeners.public.uri")).startsWith("inproc://");
		assertThat(Path.of("/nonexistent-comm-demo/scheduler.sock")).doesNotExist();
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", 47120), 5000);
			throw new AssertionError("Something listens on the tcp port of listener 'public'");
		}
		catch (ConnectException expected) {
			// nothing listens: the listener is in-process
		}
	}

	@Test
	void twoWorkersGetTheirTasksLookUpTheirDataAndReportTheirSums() {
		CommTestClient one = this.comm.as("worker-1");
		CommTestClient two = this.comm.as("worker-2");
		CompletableFuture<Assignment> first = one.requestAsync(DemoProtocol.NEXT_TASK, null, Assignment.class);
		// handed out only once every worker has asked
		assertThat(first).isNotDone();
		Task second = two.request(DemoProtocol.NEXT_TASK, null, Assignment.class).task();
		Task task = first.join().task();
		assertThat(List.of(task.id(), second.id())).containsExactlyInAnyOrder(1, 2);
		long sum = 0;
		for (String key : task.keys()) {
			sum += one.request(DemoProtocol.LOOKUP, new Lookup(key), DataValue.class).value();
		}
		assertThat(one.request(DemoProtocol.DONE, new TaskResult(task.id(), sum), Receipt.class).tasksLeft())
			.isEqualTo(2);
		assertThat(two.failureOf(DemoProtocol.DONE, new TaskResult(task.id(), sum)))
			.isInstanceOfSatisfying(CommRemoteException.class, (ex) -> {
				assertThat(ex.getKind()).isEqualTo(CommErrorKind.REQUESTER_FAULT);
				assertThat(ex.getCode()).isEqualTo(409);
			});
		assertThat(one.failureOf(DemoProtocol.LOOKUP, new Lookup("item-99")))
			.isInstanceOfSatisfying(CommRemoteException.class, (ex) -> assertThat(ex.getCode()).isEqualTo(404));
	}

	@Test
	void theSchedulerAsksAConnectedWorkerForItsStatusOverTheWorkersConnection() {
		// the worker's connector 'scheduler' dialled the scheduler's listener in-process,
		// so it is one of the listener's peers, known by its client id
		WorkerStatus status = this.app.peers("workers")
			.member("comm-demo")
			.request(DemoProtocol.STATUS, null, WorkerStatus.class);
		assertThat(status).isEqualTo(new WorkerStatus(0, null));
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class DemoRoutes {

		@Bean
		TaskBoard taskBoard() {
			return new TaskBoard(2, 3, 2);
		}

		@Bean
		SchedulerHandlers schedulerHandlers(TaskBoard taskBoard) {
			return new SchedulerHandlers(taskBoard);
		}

		@Bean
		WorkerStatusHandler workerStatusHandler() {
			return new WorkerStatusHandler();
		}

	}

}
