package dev.comm.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.context.SmartLifecycle;

import dev.comm.CommErrorKind;
import dev.comm.address.CommAddress;
import dev.comm.internal.server.DefaultCommListener;
import dev.comm.internal.session.InboundHandler;
import dev.comm.internal.session.LinkSettings;
import dev.comm.internal.session.Outcome;
import dev.comm.protocol.ErrorBody;
import dev.comm.transport.TransportRegistry;
import dev.comm.transport.TransportSettings;

/**
 * Answers, in inproc mode, for the peers outside the application: every connector address
 * that no listener of the application serves gets a listener of its own here, which
 * accepts the connector's link and answers each request at once with a
 * {@code RESPONDER_FAULT} error (code {@value #CODE}) that names the address the
 * connector was configured with. Without it such a connector would reconnect until each
 * call's timeout; with it a test learns at once, and from the message, that it called
 * outside. Throws to such an address are dropped, with a warning in the log. Started
 * before the application's endpoints, so that the connectors find it on their first dial.
 */
final class UnservedAddresses implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(UnservedAddresses.class);

	static final String BEAN_NAME = "commTestUnservedAddresses";

	/** The error code of every answer: the address is not available in this test. */
	static final int CODE = 503;

	private final List<InprocEndpoints.UnservedAddress> addresses;

	private final BeanFactory beanFactory;

	private final List<DefaultCommListener> listeners = new ArrayList<>();

	UnservedAddresses(List<InprocEndpoints.UnservedAddress> addresses, BeanFactory beanFactory) {
		this.addresses = List.copyOf(addresses);
		this.beanFactory = beanFactory;
	}

	@Override
	public synchronized void start() {
		LinkSettings app = this.beanFactory.getBean(LinkSettings.class);
		TransportSettings transportSettings = this.beanFactory.getBean(TransportSettings.class);
		TransportRegistry transports = this.beanFactory.getBean(TransportRegistry.class);
		for (InprocEndpoints.UnservedAddress unserved : this.addresses) {
			LinkSettings settings = new LinkSettings("comm-test-unserved", answer(unserved), app.handlerExecutor(),
					app.scheduler(), app.handshakeTimeout(), app.heartbeatInterval(), app.features());
			CommAddress address = CommAddress.inproc(unserved.inprocName());
			DefaultCommListener listener = new DefaultCommListener("unserved " + unserved.connector(), address,
					transports.forScheme(address.scheme()), transportSettings, settings);
			listener.start();
			this.listeners.add(listener);
		}
	}

	private static InboundHandler answer(InprocEndpoints.UnservedAddress unserved) {
		ErrorBody error = new ErrorBody(CommErrorKind.RESPONDER_FAULT, CODE, "Connector '" + unserved.connector()
				+ "' is configured for " + unserved.address() + ", which no listener of this application serves;"
				+ " with comm.test.inproc every endpoint is in-process, so peers outside the application are not"
				+ " reachable: serve the route in the test, or test with real sockets (@AutoConfigureComm(inproc = false))");
		CompletableFuture<Outcome> outcome = CompletableFuture.completedFuture(Outcome.failure(error));
		return (message) -> {
			if (message.isThrow()) {
				logger.warn("Dropped a throw to route '{}': {}", message.route(), error.message());
			}
			return outcome;
		};
	}

	@Override
	public synchronized void stop() {
		this.listeners.forEach((listener) -> listener.stop(Duration.ZERO));
		this.listeners.clear();
	}

	@Override
	public synchronized boolean isRunning() {
		return !this.listeners.isEmpty();
	}

	/**
	 * Before the application's endpoints, which start at {@code DEFAULT_PHASE - 1536}.
	 */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 1537;
	}

}
