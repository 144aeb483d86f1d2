package dev.comm.benchmarks.curves;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.util.ReferenceCountUtil;
import io.rsocket.RSocket;
import io.rsocket.core.RSocketServer;
import io.rsocket.transport.netty.server.CloseableChannel;
import io.rsocket.transport.netty.server.TcpServerTransport;
import reactor.core.publisher.Mono;

import org.springframework.context.ConfigurableApplicationContext;

import dev.comm.benchmarks.CommApplications;
import dev.comm.client.CommClient;

/**
 * Many handshaken idle links to one listener in this JVM, their clients in a child JVM
 * started with the same java and class path: the listener's heap (after a full
 * collection) and resident memory per link, and the time from the child's first connect
 * until the listener holds every link. A number of links the process's file descriptor
 * limit cannot hold is reported as not possible, with the limit.
 */
final class IdleLinksCurve {

	static final String NAME = "curve idle links";

	/** File descriptors the listener's process needs besides its links. */
	static final int SPARE_DESCRIPTORS = 1024;

	private static final long ACCEPT_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(120);

	private final List<Integer> counts;

	private final List<String> kinds;

	IdleLinksCurve(List<Integer> counts, List<String> kinds) {
		this.counts = counts;
		this.kinds = kinds;
	}

	CurveReport run() throws Exception {
		Table table = new Table("subject", "links", "heap per link", "RSS per link", "time to accept", "note");
		Curve.Builder heap = new Curve.Builder();
		Curve.Builder rss = new Curve.Builder();
		long limit = descriptorLimit();
		for (int links : this.counts) {
			if (limit > 0 && links + SPARE_DESCRIPTORS > limit) {
				String reason = String.format(Locale.ROOT,
						"not possible here: %,d links need as many file descriptors in the listener's process "
								+ "(and in the clients'), and the hard limit (ulimit -Hn) is %,d",
						links, limit);
				System.out.printf("  %,d idle links: %s%n", links, reason);
				for (String kind : this.kinds) {
					table.row(label(kind), String.format(Locale.ROOT, "%,d", links), "", "", "", reason);
				}
				continue;
			}
			for (String kind : this.kinds) {
				Figures figures = measure(kind, links);
				heap.add(label(kind), links, figures.heapPerLink());
				rss.add(label(kind), links, figures.rssPerLink());
				table.row(label(kind), String.format(Locale.ROOT, "%,d", links),
						Table.number(figures.heapPerLink()) + " B", Table.number(figures.rssPerLink()) + " B",
						String.format(Locale.ROOT, "%.2f s", figures.acceptSeconds()), "");
				System.out.printf(
						"  %-16s %,7d idle links: heap %,8.0f B/link, RSS %,8.0f B/link, accepted in %.2f s%n",
						label(kind), links, figures.heapPerLink(), figures.rssPerLink(), figures.acceptSeconds());
			}
		}
		Curve.Axis axis = new Curve.Axis("idle links to one listener", true, false);
		List<Curve> charts = List.of(
				new Curve("idle-links-heap", "Idle links: listener heap per link", axis, "bytes per link", false,
						heap.build()),
				new Curve("idle-links-rss", "Idle links: listener resident memory per link", axis, "bytes per link",
						false, rss.build()));
		return new CurveReport(NAME, charts, table.toString());
	}

	static String label(String kind) {
		return switch (kind) {
			case "comm" -> "comm tcp";
			case "rsocket" -> "rsocket-java";
			default -> "raw Netty echo";
		};
	}

	private static Figures measure(String kind, int links) throws Exception {
		try (Listener listener = Listener.open(kind)) {
			Memory before = Memory.now();
			Process clients = start(kind, listener.port(), links);
			try {
				BufferedReader output = new BufferedReader(
						new InputStreamReader(clients.getInputStream(), StandardCharsets.UTF_8));
				expect(output, "start", clients);
				long started = System.nanoTime();
				while (listener.links() < links) {
					if (System.nanoTime() - started > ACCEPT_TIMEOUT_NANOS || !clients.isAlive()) {
						throw new IllegalStateException(label(kind) + " accepted " + listener.links() + " of " + links
								+ " links" + (clients.isAlive() ? "" : "; the clients exited"));
					}
					Thread.sleep(5);
				}
				double seconds = (System.nanoTime() - started) / 1e9;
				expect(output, "connected", clients);
				Memory after = Memory.now();
				return new Figures((after.heap() - before.heap()) / (double) links,
						(after.rss() - before.rss()) / (double) links, seconds);
			}
			finally {
				clients.getOutputStream().close();
				if (!clients.waitFor(10, TimeUnit.SECONDS)) {
					clients.destroyForcibly().waitFor();
				}
			}
		}
	}

	private static void expect(BufferedReader output, String line, Process clients) throws IOException {
		String read;
		while ((read = output.readLine()) != null) {
			if (read.equals(line)) {
				return;
			}
		}
		throw new IllegalStateException("The idle-link clients exited before saying '" + line + "' (exit code "
				+ (clients.isAlive() ? "none yet" : clients.exitValue()) + ")");
	}

	/**
	 * The child JVM: this JVM's java and class path; from the benchmark's executable jar,
	 * its launcher with the benchmark's main class, which hands the arguments on.
	 */
	private static Process start(String kind, int port, int links) throws IOException {
		String java = ProcessHandle.current()
			.info()
			.command()
			.orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		List<String> command = new ArrayList<>(
				List.of(java, "-Xmx512m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path")));
		if (launcher() != null) {
			command.addAll(List.of(launcher(), CurveRunner.IDLE_LINK_CLIENTS));
		}
		else {
			command.add(IdleLinkClients.class.getName());
		}
		command.addAll(List.of(kind, Integer.toString(port), Integer.toString(links)));
		return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
	}

	private static String launcher() {
		String name = "org.springframework.boot.loader.launch.JarLauncher";
		try {
			Class.forName(name, false, IdleLinksCurve.class.getClassLoader());
			return name;
		}
		catch (ClassNotFoundException ex) {
			return null;
		}
	}

	/**
	 * The hard limit of open files of this process.
	 * @return the limit, or -1 when it is unknown or unlimited
	 */
	static long descriptorLimit() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
				if (line.startsWith("Max open files")) {
					String[] fields = line.substring("Max open files".length()).trim().split("\\s+");
					return fields[1].equals("unlimited") ? -1 : Long.parseLong(fields[1]);
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// not Linux
		}
		return -1;
	}

	record Figures(double heapPerLink, double rssPerLink, double acceptSeconds) {

	}

	/**
	 * The heap in use after a full collection, and the resident set.
	 */
	record Memory(long heap, long rss) {

		static Memory now() throws InterruptedException {
			for (int i = 0; i < 3; i++) {
				System.gc();
				Thread.sleep(100);
			}
			return new Memory(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), residentBytes());
		}

		static long residentBytes() {
			try {
				for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
					if (line.startsWith("VmRSS:")) {
						return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
					}
				}
			}
			catch (IOException | RuntimeException ex) {
				// not Linux
			}
			return -1;
		}

	}

	/**
	 * A listener that counts its open links.
	 */
	interface Listener extends AutoCloseable {

		int port();

		int links();

		@Override
		void close();

		static Listener open(String kind) throws InterruptedException {
			return switch (kind) {
				case "comm" -> comm();
				case "rsocket" -> rsocket();
				default -> netty();
			};
		}

		private static Listener comm() {
			ConfigurableApplicationContext server = CommApplications.run("idle-server",
					List.of(CommEcho.BlobHandler.class), "--comm.listeners.idle.uri=tcp://127.0.0.1:0",
					"--comm.limits.links-per-listener=0");
			int port = Integer.parseInt(server.getEnvironment().getProperty("local.comm.listeners.idle.port"));
			CommClient comm = server.getBean(CommClient.class);
			return listener(port, () -> comm.peers("idle").memberIds().size(), server::close);
		}

		private static Listener rsocket() {
			AtomicInteger open = new AtomicInteger();
			CloseableChannel server = RSocketServer.create((setup, sendingSocket) -> {
				open.incrementAndGet();
				sendingSocket.onClose().doFinally((signal) -> open.decrementAndGet()).subscribe();
				return Mono.just(new RSocket() {
				});
			}).bind(TcpServerTransport.create("127.0.0.1", 0)).block();
			return listener(server.address().getPort(), open::get, server::dispose);
		}

		private static Listener netty() throws InterruptedException {
			AtomicInteger open = new AtomicInteger();
			EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NettyEcho.ioHandlerFactory());
			Channel server = new ServerBootstrap().group(group)
				.channel(NettyEcho.serverChannelClass())
				.childHandler(new ChannelInboundHandlerAdapter() {
					@Override
					public void channelActive(ChannelHandlerContext ctx) {
						open.incrementAndGet();
					}

					@Override
					public void channelInactive(ChannelHandlerContext ctx) {
						open.decrementAndGet();
					}

					@Override
					public void channelRead(ChannelHandlerContext ctx, Object message) {
						ReferenceCountUtil.release(message);
					}

					@Override
					public boolean isSharable() {
						return true;
					}
				})
				.bind("127.0.0.1", 0)
				.sync()
				.channel();
			int port = ((java.net.InetSocketAddress) server.localAddress()).getPort();
			return listener(port, open::get, () -> {
				server.close().syncUninterruptibly();
				group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
			});
		}

		private static Listener listener(int port, IntSupplier links, Runnable close) {
			return new Listener() {
				@Override
				public int port() {
					return port;
				}

				@Override
				public int links() {
					return links.getAsInt();
				}

				@Override
				public void close() {
					close.run();
				}
			};
		}

	}

}
