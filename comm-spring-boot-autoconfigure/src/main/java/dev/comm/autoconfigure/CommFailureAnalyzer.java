package dev.comm.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.comm.CommException;
import dev.comm.address.InvalidAddressException;

/**
 * Turns a comm failure at startup (a bad address, a port in use, an unknown scheme) into
 * Spring Boot's short description-and-action report instead of a long stack trace.
 */
class CommFailureAnalyzer extends AbstractFailureAnalyzer<CommException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, CommException cause) {
		String action = (cause instanceof InvalidAddressException)
				? "Fix the address in comm.listeners.<name>.uri or comm.connectors.<name>.uri."
				: "Check the comm.* configuration and that the addresses are free and reachable.";
		return new FailureAnalysis(cause.getMessage(), action, cause);
	}

}
