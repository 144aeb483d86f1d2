package dev.comm.autoconfigure.security;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

import dev.comm.internal.session.InboundHandler;
import dev.comm.internal.session.InboundMessage;
import dev.comm.internal.session.Outcome;

/**
 * Runs a handler in the security context of its peer's authentication, when the peer was
 * admitted as one, and restores the thread's own context after: handler threads serve
 * many peers.
 */
final class SecurityContextInboundHandler implements InboundHandler {

	private final InboundHandler handler;

	private final SecurityContextHolderStrategy strategy = SecurityContextHolder.getContextHolderStrategy();

	SecurityContextInboundHandler(InboundHandler handler) {
		this.handler = handler;
	}

	@Override
	public Executor executorFor(InboundMessage message, Executor handlerExecutor) {
		return this.handler.executorFor(message, handlerExecutor);
	}

	@Override
	public CompletableFuture<Outcome> handle(InboundMessage message) {
		if (!(message.link().peerPrincipal() instanceof Authentication authentication)) {
			return this.handler.handle(message);
		}
		SecurityContext previous = this.strategy.getContext();
		SecurityContext context = this.strategy.createEmptyContext();
		context.setAuthentication(authentication);
		this.strategy.setContext(context);
		try {
			return this.handler.handle(message);
		}
		finally {
			this.strategy.setContext(previous);
		}
	}

}
