package com.example.commdemo;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The worker processes: launched with the java and the class path of this process, their
 * output (stdout and stderr) copied line by line to ours with their name in front, and
 * stopped for certain on {@link #close()}.
 */
final class WorkerProcesses implements AutoCloseable {

	private static final Duration KILL_WAIT = Duration.ofSeconds(5);

	/**
	 * JVM options for short-lived processes that start together: less JIT compilation and
	 * a simple collector make them start noticeably faster on few cores.
	 */
	private static final List<String> QUICK_START = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

	private final PrintStream out;

	private final List<Worker> workers = new ArrayList<>();

	WorkerProcesses(PrintStream out) {
		this.out = out;
	}

	/**
	 * Launch a worker: this application again, with more arguments.
	 * @param name the worker's name, used as the prefix of its output
	 * @param arguments the application arguments
	 * @throws DemoFailure if the process cannot be started
	 */
	synchronized void start(String name, List<String> arguments) {
		List<String> command = new ArrayList<>(javaCommand());
		command.addAll(arguments);
		Process process;
		try {
			process = new ProcessBuilder(command).redirectErrorStream(true).start();
			process.getOutputStream().close();
		}
		catch (IOException ex) {
			throw new DemoFailure("Cannot start " + name + " (" + command.get(0) + "): " + ex.getMessage(), ex);
		}
		Thread pump = new Thread(() -> copyOutput(name, process), name + "-output");
		pump.setDaemon(true);
		pump.start();
		this.workers.add(new Worker(name, process, pump));
	}

	private void copyOutput(String name, Process process) {
		try (BufferedReader reader = process.inputReader()) {
			String line;
			while ((line = reader.readLine()) != null) {
				this.out.println("[" + name + "] " + line);
			}
		}
		catch (IOException ex) {
			// the process is gone; so is the rest of its output
		}
	}

	/**
	 * Fail if a worker has exited with an error, or if every worker has exited.
	 * @param state how far the work has got, for the message
	 * @throws DemoFailure if so
	 */
	synchronized void checkRunning(String state) {
		for (Worker worker : this.workers) {
			if (!worker.process().isAlive() && worker.process().exitValue() != 0) {
				throw new DemoFailure(
						worker.name() + " exited with code " + worker.process().exitValue() + " " + state);
			}
		}
		if (!this.workers.isEmpty() && this.workers.stream().noneMatch((worker) -> worker.process().isAlive())) {
			throw new DemoFailure("Every worker exited " + state);
		}
	}

	/**
	 * Wait for every worker to exit on its own, killing those that do not in time.
	 * @param timeout how long to wait for all of them
	 * @return the exit code of each worker, by name
	 * @throws DemoFailure if a worker had to be killed or exited with an error
	 */
	synchronized Map<String, Integer> awaitExit(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		List<String> killed = new ArrayList<>();
		Map<String, Integer> exitCodes = new LinkedHashMap<>();
		for (Worker worker : this.workers) {
			if (!waitFor(worker.process(), Math.max(0, deadline - System.nanoTime()))) {
				kill(worker.process());
				killed.add(worker.name());
			}
			exitCodes.put(worker.name(), worker.process().isAlive() ? null : worker.process().exitValue());
		}
		// the last lines of output, before the caller prints anything else
		for (Worker worker : this.workers) {
			join(worker.pump());
		}
		if (!killed.isEmpty()) {
			throw new DemoFailure(String.join(", ", killed) + " did not exit within " + DemoProperties.describe(timeout)
					+ " after the work was done, and had to be killed");
		}
		String failed = exitCodes.entrySet()
			.stream()
			.filter((entry) -> !Integer.valueOf(0).equals(entry.getValue()))
			.map((entry) -> entry.getKey() + " (code " + entry.getValue() + ")")
			.collect(Collectors.joining(", "));
		if (!failed.isEmpty()) {
			throw new DemoFailure("Workers exited with an error: " + failed);
		}
		return exitCodes;
	}

	/**
	 * Kill the workers still running.
	 */
	@Override
	public synchronized void close() {
		for (Worker worker : this.workers) {
			if (worker.process().isAlive()) {
				kill(worker.process());
			}
		}
	}

	private static void kill(Process process) {
		process.destroy();
		if (!waitFor(process, KILL_WAIT.toNanos())) {
			process.destroyForcibly();
			waitFor(process, KILL_WAIT.toNanos());
		}
	}

	private static boolean waitFor(Process process, long nanos) {
		try {
			return process.waitFor(nanos, TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return !process.isAlive();
		}
	}

	private static void join(Thread thread) {
		try {
			thread.join(KILL_WAIT.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * The command that starts this application again: the same java, and the same
	 * executable jar or class path and main class.
	 * @return the command without application arguments
	 */
	static List<String> javaCommand() {
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current()
			.info()
			.command()
			.orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString()));
		command.addAll(QUICK_START);
		String classPath = System.getProperty("java.class.path");
		if (isExecutableJar(classPath)) {
			command.add("-jar");
			command.add(absolute(classPath));
		}
		else {
			command.add("-cp");
			command.add(Arrays.stream(classPath.split(File.pathSeparator))
				.filter((entry) -> !entry.isEmpty())
				.map(WorkerProcesses::absolute)
				.collect(Collectors.joining(File.pathSeparator)));
			command.add(CommDemoApplication.class.getName());
		}
		return command;
	}

	/**
	 * Whether this process runs from an executable jar ({@code java -jar}), whose nested
	 * libraries only Spring Boot's launcher can load.
	 */
	private static boolean isExecutableJar(String classPath) {
		String loader = CommDemoApplication.class.getClassLoader().getClass().getName();
		return loader.startsWith("org.springframework.boot.loader.") && classPath.endsWith(".jar")
				&& !classPath.contains(File.pathSeparator);
	}

	private static String absolute(String path) {
		return Path.of(path).toAbsolutePath().toString();
	}

	List<String> names() {
		return this.workers.stream().map(Worker::name).toList();
	}

	private record Worker(String name, Process process, Thread pump) {

	}

}
