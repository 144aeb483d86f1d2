package dev.comm.autoconfigure;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Turns SIGTERM into {@code System.exit(0)}. Exiting runs the shutdown hooks as the JVM's
 * own handler does, so Spring Boot still closes the application gracefully; only the
 * status differs: 0 instead of 143, because a server that stops when asked has done its
 * job. {@code sun.misc.Signal} is the JDK's supported way (module
 * {@code jdk.unsupported}) to handle a signal; where it cannot be used (a JVM started
 * with {@code -Xrs}, an image without that module) the JVM's handling stays.
 */
final class TerminationSignal {

	private static final Logger logger = LoggerFactory.getLogger(TerminationSignal.class);

	private static final String TERM = "TERM";

	private final SignalHandler previous;

	private TerminationSignal(SignalHandler previous) {
		this.previous = previous;
	}

	/**
	 * Handle SIGTERM from now on.
	 * @return the installed handling, to {@link #restore()}; {@code null} where the
	 * signal cannot be handled
	 */
	static TerminationSignal install() {
		try {
			return new TerminationSignal(Signal.handle(new Signal(TERM), (signal) -> exitNormally()));
		}
		catch (LinkageError | IllegalArgumentException | IllegalStateException ex) {
			logger.debug("SIGTERM keeps the JVM's handling (exit status 143): {}", ex.toString());
			return null;
		}
	}

	private static void exitNormally() {
		logger.info("SIGTERM received: stopping");
		System.exit(0);
	}

	/**
	 * Give SIGTERM back to the handling it had before {@link #install()}.
	 */
	void restore() {
		try {
			Signal.handle(new Signal(TERM), this.previous);
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			logger.debug("SIGTERM handling not restored: {}", ex.toString());
		}
	}

}
