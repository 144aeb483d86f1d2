package com.example.commdemo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * Runs the demo as real processes: the scheduler started with this test's java and class
 * path, which in turn starts its workers the same way.
 */
class DemoEndToEndIntegrationTests {

	private static final Duration LIMIT = Duration.ofSeconds(120);

	private static final Pattern SOCKET = Pattern.compile("listening on unix://(\\S+); starting");

	private static final Pattern WORKER_ROW = Pattern.compile("^ {2}(worker-\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)",
			Pattern.MULTILINE);

	@TempDir
	Path temp;

	@Test
	void schedulerAndWorkersDoEveryTaskOverAUnixSocket() throws Exception {
		Run run = runDemo();
		assertThat(run.exitCode()).as(run.output()).isZero();
		assertThat(run.workers()).as("workers started").hasSize(3);
		assertThat(run.leftovers()).as("workers left behind").isEmpty();
		assertThat(run.output()).as(run.output())
			.contains("summary: 12/12 tasks done, every result checked")
			.containsPattern("(?m)^ {2}total\\s+12\\s+48\\s+48$")
			.contains("all 3 worker processes exited with code 0")
			.doesNotContain("FAILED");
		Map<String, Integer> tasksByWorker = new LinkedHashMap<>();
		Matcher rows = WORKER_ROW.matcher(run.output());
		while (rows.find()) {
			tasksByWorker.put(rows.group(1), Integer.parseInt(rows.group(2)));
			// every task of 4 items: 4 lookups and 4 progress reports each
			assertThat(Integer.parseInt(rows.group(3))).as(rows.group()).isEqualTo(4 * Integer.parseInt(rows.group(2)));
			assertThat(Integer.parseInt(rows.group(4))).as(rows.group()).isEqualTo(4 * Integer.parseInt(rows.group(2)));
		}
		assertThat(tasksByWorker).as(run.output()).containsOnlyKeys("worker-1", "worker-2", "worker-3");
		assertThat(tasksByWorker.values()).as(run.output()).allSatisfy((tasks) -> assertThat(tasks).isPositive());
		assertThat(tasksByWorker.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(12);
		for (int i = 1; i <= 3; i++) {
			assertThat(run.output()).contains("[worker-" + i + "] no more work")
				.containsPattern("scheduler: worker-" + i + " connected \\(\\d connected\\)")
				.containsPattern("scheduler: worker-" + i + " disconnected \\(\\d connected\\)");
		}
		// the status broadcast: one line per worker, each either an answer or why not
		assertThat(run.output()).containsPattern("status: \\d of 3 workers answered at \\d+ of 12 tasks done")
			.containsPattern("(?m)^ {2}worker-\\d\\s+(\\d+ tasks done|no answer)");
		assertSocketDirectoryRemoved(run.output());
	}

	@Test
	void failureIsReportedWithANonZeroExitCodeAndNoWorkerLeftBehind() throws Exception {
		Run run = runDemo("--demo.timeout=1s", "--demo.work-delay=2s");
		assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
		assertThat(run.output()).as(run.output())
			.contains("comm demo FAILED: Not done within 1 s (demo.timeout)")
			.doesNotContain("summary:");
		assertThat(run.workers()).as("workers started").hasSize(3);
		assertThat(run.leftovers()).as("workers left behind").isEmpty();
		assertSocketDirectoryRemoved(run.output());
	}

	@Test
	void schedulerServesCommsActuatorEndpointsWhileItLingers() throws Exception {
		Path log = Files.createTempFile(this.temp, "demo", ".log");
		Process demo = new ProcessBuilder(demoCommand("--demo.linger=60s")).redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		try {
			Pattern lingering = Pattern.compile("staying up for 60 s \\(demo.linger\\): (http://\\S+)/comm");
			await("the demo to finish its work and linger").atMost(LIMIT)
				.until(() -> lingering.matcher(Files.readString(log)).find() || !demo.isAlive());
			Matcher url = lingering.matcher(Files.readString(log));
			assertThat(url.find()).as(Files.readString(log)).isTrue();
			String actuator = url.group(1);

			String comm = get(actuator + "/comm");
			assertThat(comm).contains("\"route\":\"" + DemoProtocol.LOOKUP + "\"", "\"name\":\"workers\"",
					"\"running\":true");
			String served = get(actuator + "/metrics/comm.server.requests?tag=route:" + DemoProtocol.LOOKUP);
			// 12 tasks of 4 items, each item looked up once
			assertThat(served).contains("\"statistic\":\"COUNT\",\"value\":48.0");
			assertThat(get(actuator + "/health/comm")).contains("\"status\":\"UP\"");
		}
		finally {
			demo.destroy();
			assertThat(demo.waitFor(30, TimeUnit.SECONDS)).as("the demo to stop on SIGTERM").isTrue();
		}
	}

	private static String get(String url) throws IOException, InterruptedException {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(url + ": " + response.body()).isEqualTo(200);
		return response.body();
	}

	private void assertSocketDirectoryRemoved(String output) {
		Matcher socket = SOCKET.matcher(output);
		assertThat(socket.find()).as(output).isTrue();
		Path directory = Path.of(socket.group(1)).getParent();
		assertThat(directory.getFileName().toString()).startsWith("comm-demo-");
		assertThat(directory).doesNotExist();
	}

	private Run runDemo(String... arguments) throws IOException, InterruptedException {
		List<String> command = demoCommand(arguments);
		Path log = Files.createTempFile(this.temp, "demo", ".log");
		Process demo = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		// the workers, noted while they run: once the demo
		// has exited they are no longer its descendants
		Set<ProcessHandle> workers = new LinkedHashSet<>();
		boolean exited = false;
		try {
			await("the demo to exit").atMost(LIMIT).pollInSameThread().pollInterval(Duration.ofMillis(50)).until(() -> {
				demo.descendants().forEach(workers::add);
				return !demo.isAlive();
			});
			exited = true;
		}
		catch (ConditionTimeoutException ex) {
			// reported below, with the demo's output
		}
		finally {
			if (demo.isAlive()) {
				demo.descendants().forEach(ProcessHandle::destroyForcibly);
				demo.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		String output = Files.readString(log);
		System.out.println(output);
		if (!exited) {
			fail("The demo did not exit within " + LIMIT.toSeconds() + " s; its output:%n%s", output);
		}
		return new Run(demo.exitValue(), output, List.copyOf(workers));
	}

	static List<String> demoCommand(String... arguments) {
		String java = ProcessHandle.current()
			.info()
			.command()
			.orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
		List<String> command = new ArrayList<>(
				List.of(java, "-cp", System.getProperty("java.class.path"), CommDemoApplication.class.getName()));
		command.addAll(List.of(arguments));
		return command;
	}

	/**
	 * How a run of the demo went.
	 *
	 * @param exitCode the scheduler's exit code
	 * @param output what the scheduler and its workers printed
	 * @param workers the processes the scheduler started
	 */
	private record Run(int exitCode, String output, List<ProcessHandle> workers) {

		List<ProcessHandle> leftovers() {
			return this.workers.stream().filter(ProcessHandle::isAlive).toList();
		}

	}

}
