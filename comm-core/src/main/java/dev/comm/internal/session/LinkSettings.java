package dev.comm.internal.session;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What every link of an application shares.
 *
 * @param clientId the id this side announces when it dials
 * @param handler serves inbound requests and throws
 * @param handlerExecutor runs handlers, off the I/O threads
 * @param scheduler runs timeouts and heartbeats
 * @param handshakeTimeout how long a new connection may take to say hello
 * @param heartbeatInterval how often an idle link is probed; zero turns heartbeats off
 * @param features the protocol extensions this side announces
 */
public record LinkSettings(String clientId, InboundHandler handler, Executor handlerExecutor,
		ScheduledExecutorService scheduler, Duration handshakeTimeout, Duration heartbeatInterval,
		Set<String> features) {

}
