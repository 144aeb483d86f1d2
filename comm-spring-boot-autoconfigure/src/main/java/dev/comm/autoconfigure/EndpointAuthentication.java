package dev.comm.autoconfigure;

import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;

import dev.comm.address.CommAddress;
import dev.comm.auth.CommAuthenticator;
import dev.comm.auth.CommCredentials;
import dev.comm.internal.auth.AuthenticatorAdmission;
import dev.comm.internal.auth.TokenCredentials;
import dev.comm.internal.session.HandshakePolicy;

/**
 * Who authenticates whom, per endpoint: listeners admit peers by the application's
 * {@link CommAuthenticator}, connectors present their {@code token} property or what the
 * application's {@link CommCredentials} gives. Without either bean or property, the
 * handshake is as it always was.
 */
final class EndpointAuthentication {

	private static final Logger logger = LoggerFactory.getLogger(EndpointAuthentication.class);

	private final ObjectProvider<CommAuthenticator> authenticator;

	private final ObjectProvider<CommCredentials> credentials;

	private final Executor executor;

	EndpointAuthentication(ObjectProvider<CommAuthenticator> authenticator, ObjectProvider<CommCredentials> credentials,
			Executor executor) {
		this.authenticator = authenticator;
		this.credentials = credentials;
		this.executor = executor;
	}

	HandshakePolicy listener(String name, CommAddress address) {
		// two authenticators are a mistake to report, not a reason to admit everyone
		CommAuthenticator authenticator = this.authenticator.getIfAvailable();
		if (authenticator == null) {
			return HandshakePolicy.OPEN;
		}
		if (address.scheme().startsWith("amqp")) {
			// a broker's peers have no handshake of their own: its users and vhost
			// permissions are what authenticates them
			logger.info("Listener '{}' is reached through a broker, which authenticates its peers; "
					+ "the CommAuthenticator is not consulted for it", name);
			return HandshakePolicy.OPEN;
		}
		return new AuthenticatorAdmission(authenticator, this.executor, name, address.scheme());
	}

	HandshakePolicy connector(CommEndpoints.ConnectorEndpoint endpoint) {
		if (endpoint.token() != null && !endpoint.token().isEmpty()) {
			String token = endpoint.token();
			return new TokenCredentials(() -> token);
		}
		CommCredentials credentials = this.credentials.getIfAvailable();
		if (credentials == null) {
			return HandshakePolicy.OPEN;
		}
		return new TokenCredentials(() -> credentials.token(endpoint.name()));
	}

}
