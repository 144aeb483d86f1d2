package dev.comm.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import org.junit.jupiter.api.Assumptions;

/**
 * The RabbitMQ broker the AMQP tests use: {@code 127.0.0.1:5672}, user {@code guest}
 * (override with {@code COMM_TEST_AMQP_HOST} and {@code COMM_TEST_AMQP_PORT}). Where no
 * broker answers, AMQP tests are skipped loudly on a developer's machine and fail under
 * CI ({@code CI=true}), so that nothing goes untested without anyone noticing.
 */
public final class RabbitBroker {

	public static final String HOST = System.getenv().getOrDefault("COMM_TEST_AMQP_HOST", "127.0.0.1");

	public static final int PORT = Integer.parseInt(System.getenv().getOrDefault("COMM_TEST_AMQP_PORT", "5672"));

	private RabbitBroker() {
	}

	private static volatile String unavailable;

	private static volatile boolean checked;

	/**
	 * Skip (or, under CI, fail) the calling test when no broker answers. Call it before
	 * each test, so that every skipped test is counted in the build's summary.
	 */
	public static void assumeAvailable() {
		if (!checked) {
			unavailable = probe();
			checked = true;
		}
		if (unavailable == null) {
			return;
		}
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			throw new AssertionError(unavailable);
		}
		System.err.println("SKIPPED: " + unavailable);
		Assumptions.abort(unavailable);
	}

	private static String probe() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(HOST, PORT), 2000);
			return null;
		}
		catch (IOException ex) {
			return "No RabbitMQ broker at " + HOST + ":" + PORT + " (" + ex.getMessage()
					+ "): the AMQP tests cannot run. Start one (bash .ci/run does) or set COMM_TEST_AMQP_HOST";
		}
	}

	/**
	 * A service name no other test, run or engineer uses.
	 * @param prefix a readable prefix
	 * @return the name
	 */
	public static String uniqueService(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/**
	 * The comm address of a service on the test broker.
	 * @param service the service name
	 * @return the address URI, password included
	 */
	public static String uri(String service) {
		return "amqp://guest:guest@" + HOST + ":" + PORT + "/?service=" + service;
	}

	/**
	 * A plain RabbitMQ client connection, as a program that is not comm would open.
	 * @return the connection
	 * @throws Exception if the broker cannot be reached
	 */
	public static Connection plainConnection() throws Exception {
		ConnectionFactory factory = new ConnectionFactory();
		factory.setHost(HOST);
		factory.setPort(PORT);
		factory.setUsername("guest");
		factory.setPassword("guest");
		return factory.newConnection("comm test (plain client)");
	}

	/**
	 * Remove what comm declared for services, so that test runs leave no durable queues
	 * behind.
	 * @param services the service names
	 */
	public static void deleteServices(List<String> services) {
		try (Connection connection = plainConnection(); Channel channel = connection.createChannel()) {
			for (String service : services) {
				channel.queueDelete("comm.service." + service);
				channel.exchangeDelete("comm.broadcast." + service);
			}
		}
		catch (Exception ex) {
			// best effort: a leftover empty queue harms no later run, names are unique
		}
	}

	/**
	 * Run {@code rabbitmqctl}, bounded.
	 * @param arguments its arguments
	 * @return its output
	 * @throws Exception if it fails or takes over a minute
	 */
	public static String rabbitmqctl(String... arguments) throws Exception {
		List<String> command = new ArrayList<>();
		command.add("rabbitmqctl");
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException("rabbitmqctl " + List.of(arguments) + " did not finish within 60 s");
		}
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (process.exitValue() != 0) {
			throw new IllegalStateException("rabbitmqctl " + List.of(arguments) + " failed: " + output);
		}
		return output;
	}

}
