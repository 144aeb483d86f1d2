package dev.comm.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.comm.CommException;
import dev.comm.address.InvalidAddressException;

/**
 * Turns a comm failure at startup (a bad address or property, a port in use, an unknown
 * scheme) into Spring Boot's short description-and-action report instead of a long stack
 * trace.
 */
class CommFailureAnalyzer extends AbstractFailureAnalyzer<CommException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, CommException cause) {
		return new FailureAnalysis(cause.getMessage(), action(cause), cause);
	}

	private static String action(CommException cause) {
		if (cause instanceof InvalidAddressException) {
			return "Fix the address in comm.listeners.<name>.uri or comm.connectors.<name>.uri.";
		}
		if (cause instanceof InvalidCommPropertyException) {
			return "Change the comm.* property that the description names.";
		}
		return "Check the comm.* configuration and that the addresses are free and reachable.";
	}

}
