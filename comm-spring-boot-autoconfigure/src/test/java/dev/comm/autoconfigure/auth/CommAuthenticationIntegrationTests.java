package dev.comm.autoconfigure.auth;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import dev.comm.CommErrorKind;
import dev.comm.CommException;
import dev.comm.CommRemoteException;
import dev.comm.auth.CommAuthenticationException;
import dev.comm.auth.CommAuthenticator;
import dev.comm.auth.CommCredentials;
import dev.comm.auth.CommHandshake;
import dev.comm.autoconfigure.CommAutoConfiguration;
import dev.comm.autoconfigure.security.CommSecurityAutoConfiguration;
import dev.comm.client.CommClient;
import dev.comm.client.CommPeer;
import dev.comm.handler.CommHandler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Authentication between two applications over tcp, configured the way users do it: a
 * {@link CommAuthenticator} bean on the server, a {@code token} property or a
 * {@link CommCredentials} bean on the client.
 */
class CommAuthenticationIntegrationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations
		.of(JacksonAutoConfiguration.class, CommAutoConfiguration.class, CommSecurityAutoConfiguration.class));

	@Test
	void connectorsPresentTheirTokenAndHandlersSeeThePrincipalTheyWereAdmittedAs() {
		this.runner.withUserConfiguration(SecuredServer.class)
			.withPropertyValues("spring.application.name=secured-server", "comm.listeners.main.uri=tcp://127.0.0.1:0")
			.run((server) -> {
				String uri = server.getEnvironment().getProperty("local.comm.listeners.main.uri");
				this.runner
					.withPropertyValues("spring.application.name=billing", "comm.connectors.good.uri=" + uri,
							"comm.connectors.good.token=billing-token", "comm.connectors.bad.uri=" + uri,
							"comm.connectors.bad.token=stolen", "comm.connectors.bad.request-timeout=2s")
					.run((client) -> {
						CommClient comm = client.getBean(CommClient.class);

						assertThat(comm.to("good").request("secured.whoami", "", String.class))
							.isEqualTo("billing-service");
						CommException refused = catchThrowableOfType(CommException.class,
								() -> comm.to("bad").request("secured.whoami", "", String.class));
						assertThat(refused).hasMessageContaining("unknown token");
						assertThat(server.getBean(WhoAmI.class).calls).hasValue(1);
						assertThat(server.getBean(SecuredServer.class).handshakes)
							.extracting(CommHandshake::listener, CommHandshake::transport, CommHandshake::clientId)
							.contains(org.assertj.core.groups.Tuple.tuple("main", "tcp", "billing"));
					});
			});
	}

	@Test
	void aCredentialsBeanIsAskedOnEveryConnectionForConnectorsWithoutAToken() {
		this.runner.withUserConfiguration(SecuredServer.class)
			.withPropertyValues("spring.application.name=secured-server", "comm.listeners.main.uri=tcp://127.0.0.1:0")
			.run((server) -> {
				String uri = server.getEnvironment().getProperty("local.comm.listeners.main.uri");
				this.runner.withUserConfiguration(RotatingCredentials.class)
					.withPropertyValues("spring.application.name=billing", "comm.connectors.server.uri=" + uri)
					.run((client) -> {
						CommClient comm = client.getBean(CommClient.class);

						assertThat(comm.request("secured.whoami", "", String.class)).isEqualTo("billing-service");
						assertThat(client.getBean(RotatingCredentials.class).asked).containsExactly("server");
					});
			});
	}

	@Test
	void withoutAnAuthenticatorEveryPeerIsAdmittedAsBefore() {
		this.runner.withUserConfiguration(WhoAmI.class)
			.withPropertyValues("spring.application.name=open-server", "comm.listeners.main.uri=tcp://127.0.0.1:0")
			.run((server) -> {
				String uri = server.getEnvironment().getProperty("local.comm.listeners.main.uri");
				this.runner
					.withPropertyValues("spring.application.name=billing", "comm.connectors.server.uri=" + uri,
							"comm.connectors.server.token=ignored")
					.run((client) -> assertThat(
							client.getBean(CommClient.class).request("secured.whoami", "", String.class))
						.isEqualTo("nobody"));
			});
	}

	@Test
	void withSpringSecurityHandlerMethodsAreAuthorizedByThePeersAuthentication() {
		this.runner.withUserConfiguration(MethodSecuredServer.class)
			.withPropertyValues("spring.application.name=secured-server", "comm.listeners.main.uri=tcp://127.0.0.1:0")
			.run((server) -> {
				assertThat(server).hasNotFailed();
				String uri = server.getEnvironment().getProperty("local.comm.listeners.main.uri");
				this.runner
					.withPropertyValues("spring.application.name=ops", "comm.connectors.admin.uri=" + uri,
							"comm.connectors.admin.token=admin-token", "comm.connectors.user.uri=" + uri,
							"comm.connectors.user.token=user-token")
					.run((client) -> {
						CommClient comm = client.getBean(CommClient.class);

						assertThat(comm.to("admin").request("secured.reset", "now", String.class))
							.isEqualTo("reset by alice");
						assertThat(comm.to("user").request("secured.status", "", String.class))
							.isEqualTo("status for bob");
						CommRemoteException denied = catchThrowableOfType(CommRemoteException.class,
								() -> comm.to("user").request("secured.reset", "now", String.class));
						assertThat(denied.getKind()).isEqualTo(CommErrorKind.REQUESTER_FAULT);
						assertThat(denied.getCode()).isEqualTo(403);
						assertThat(denied.getRemoteMessage()).isEqualTo("access denied");
						// a proxy of method security: its state is read through a method
						assertThat(server.getBean(AdminHandlers.class).resets()).isEqualTo(1);
					});
			});
	}

	@Test
	void twoAuthenticatorsFailStartupRatherThanAdmitEveryone() {
		this.runner.withUserConfiguration(SecuredServer.class)
			.withBean("another", CommAuthenticator.class, () -> (handshake) -> () -> "anyone")
			.withPropertyValues("comm.listeners.main.uri=tcp://127.0.0.1:0")
			.run((server) -> assertThat(server).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining(CommAuthenticator.class.getName()));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableMethodSecurity
	static class MethodSecuredServer {

		@Bean
		AdminHandlers adminHandlers() {
			return new AdminHandlers();
		}

		@Bean
		CommAuthenticator users() {
			Map<String, Authentication> users = Map.of("admin-token",
					UsernamePasswordAuthenticationToken.authenticated("alice", null,
							AuthorityUtils.createAuthorityList("ROLE_ADMIN")),
					"user-token", UsernamePasswordAuthenticationToken.authenticated("bob", null,
							AuthorityUtils.createAuthorityList("ROLE_USER")));
			return (handshake) -> handshake.token().map(users::get).orElse(null);
		}

	}

	static class AdminHandlers {

		final AtomicInteger resets = new AtomicInteger();

		@CommHandler("secured.reset")
		@PreAuthorize("hasRole('ADMIN')")
		public String reset(String when) {
			this.resets.incrementAndGet();
			return "reset by " + SecurityContextHolder.getContext().getAuthentication().getName();
		}

		public int resets() {
			return this.resets.get();
		}

		@CommHandler("secured.status")
		@PreAuthorize("isAuthenticated()")
		public String status(String ignored, CommPeer peer) {
			return "status for " + peer.principal().getName();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SecuredServer {

		final List<CommHandshake> handshakes = new CopyOnWriteArrayList<>();

		@Bean
		WhoAmI whoAmI() {
			return new WhoAmI();
		}

		@Bean
		CommAuthenticator tokens() {
			return (handshake) -> {
				this.handshakes.add(handshake);
				if (!handshake.token().filter("billing-token"::equals).isPresent()) {
					throw new CommAuthenticationException("unknown token");
				}
				return () -> handshake.clientId() + "-service";
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class RotatingCredentials implements CommCredentials {

		final List<String> asked = new CopyOnWriteArrayList<>();

		@Override
		public String token(String connector) {
			this.asked.add(connector);
			return "billing-token";
		}

	}

	static class WhoAmI {

		final AtomicInteger calls = new AtomicInteger();

		@CommHandler("secured.whoami")
		String whoami(String ignored, CommPeer peer) {
			this.calls.incrementAndGet();
			Principal principal = peer.principal();
			return (principal != null) ? principal.getName() : "nobody";
		}

	}

}
